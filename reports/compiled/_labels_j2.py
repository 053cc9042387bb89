# Generated from reports/templates/_labels.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = 'd64875a7b7e9e4333f1fbe360e4e4247cca61e501fcad566fdcf2a6081ce7696'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_labels.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_SEVERITY = l_0_LEVEL = l_0_STATUS = l_0_FIELD = l_0_KIND = l_0_METHOD = missing
    pass
    l_0_SEVERITY = {'critical': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Critical'), 'high': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'High'), 'medium': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Medium'), 'low': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Low'), 'info': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Information')}
    context.vars['SEVERITY'] = l_0_SEVERITY
    context.exported_vars.add('SEVERITY')
    l_0_LEVEL = {'critical': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'critical'), 'high': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'high'), 'moderate': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'moderate'), 'low': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'low'), 'none': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'nothing found in the sources checked'), 'unknown': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown: not every source could be checked'), 'unknown_web': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown: the web was not searched')}
    context.vars['LEVEL'] = l_0_LEVEL
    context.exported_vars.add('LEVEL')
    l_0_STATUS = {'checked': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'checked'), 'unchecked': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'NOT checked'), 'skipped': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'skipped'), 'disabled': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'switched off'), 'not_configured': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'not configured'), 'interrupted': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'INTERRUPTED')}
    context.vars['STATUS'] = l_0_STATUS
    context.exported_vars.add('STATUS')
    l_0_FIELD = {'name': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'name'), 'address': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'address'), 'phone': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'phone number'), 'email': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'email address')}
    context.vars['FIELD'] = l_0_FIELD
    context.exported_vars.add('FIELD')
    l_0_KIND = {'registry': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'professional or trade register'), 'search': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'search engine result'), 'people_search': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'people-search site'), 'directory': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'directory'), 'practice_site': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'practice website'), 'review_site': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'review site'), 'social': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'social network'), 'forum': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'forum'), 'news': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'news'), 'archive': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'web archive'), 'domain': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'domain registration'), 'code_hosting': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'code hosting'), 'avatar': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'profile picture service'), 'breach': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'data breach'), 'web': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'web page')}
    context.vars['KIND'] = l_0_KIND
    context.exported_vars.add('KIND')
    l_0_METHOD = {'web_form': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'web form'), 'email': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'email'), 'account_settings': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'account settings'), 'letter': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'letter'), 'gdpr_request': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'GDPR request'), 'contact_site': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'contact the site'), 'none': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'no removal route'), 'evidence': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'evidence'), 'check': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'check'), 'registry': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'registry'), 'provider': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'telephone provider'), 'report': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'report'), 'helpline': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'helpline'), 'complaint': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'complaint'), 'police': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'police report'), 'employer': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'your employer'), '': ''}
    context.vars['METHOD'] = l_0_METHOD
    context.exported_vars.add('METHOD')

blocks = {}
debug_info = '2=13&6=16&12=19&17=22&20=25&29=28'