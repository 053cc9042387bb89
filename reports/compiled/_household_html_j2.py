# Generated from reports/templates/_household.html.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = 'd155b94dcd59c87d3d94c55bc601422086115034e309478a50bb48f3851caca9'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_household.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_household_changes = resolve('household_changes')
    l_0_household = resolve('household')
    l_0_lang = resolve('lang')
    l_0_nl = resolve('nl')
    l_0_HL = l_0_gone = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    l_0_HL = context.vars['HL'] = environment.get_template('_labels.j2', '_household.html.j2')._get_default_module(context)
    context.exported_vars.discard('HL')
    l_0_gone = (environment.getattr((undefined(name='household_changes') if l_0_household_changes is missing else l_0_household_changes), 'others') if (undefined(name='household_changes') if l_0_household_changes is missing else l_0_household_changes) else [])
    context.vars['gone'] = l_0_gone
    context.exported_vars.add('gone')
    if ((undefined(name='household') if l_0_household is missing else l_0_household) or (undefined(name='gone') if l_0_gone is missing else l_0_gone)):
        pass
        l_0_nl = ((undefined(name='lang') if l_0_lang is missing else l_0_lang) == 'nl')
        context.vars['nl'] = l_0_nl
        context.exported_vars.add('nl')
        yield '<section id="household">\n<h2>'
        yield escape(('Uw huishouden' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'Your household'))
        yield '</h2>\n<p class="muted">'
        if (undefined(name='nl') if l_0_nl is missing else l_0_nl):
            pass
            yield "Pagina's over leden van uw huishouden die ermee instemden; ze tellen niet mee in uw eigen score. Verzoeken voor hen gaan in hun naam: door henzelf, of door u met hun ondertekende machtiging (voor een kind door u als ouder)."
        else:
            pass
            yield 'Pages about members of your household who consented; they do not count in your own score. Requests for them are made in their name: by them, or by you with their signed authorisation (for a child, by you as the parent).'
        yield '</p>\n'
        l_1_loop = missing
        for l_1_h, l_1_loop in LoopContext((undefined(name='household') if l_0_household is missing else l_0_household), undefined):
            l_1_finding_at = resolve('finding_at')
            l_1_for_print = resolve('for_print')
            _loop_vars = {}
            pass
            yield '<article class="finding '
            yield escape(environment.getattr(l_1_h, 'severity'))
            yield '" id="h-'
            yield escape(environment.getattr(l_1_h, 'id'))
            yield '">\n<h4><span class="badge sev-'
            yield escape(environment.getattr(l_1_h, 'severity'))
            yield '">'
            yield escape(environment.getitem(environment.getattr((undefined(name='HL') if l_0_HL is missing else l_0_HL), 'SEVERITY'), environment.getattr(l_1_h, 'severity')))
            yield '</span> '
            yield escape(t_1(environment.getattr(l_1_h, 'relation')))
            yield ' ('
            yield escape(('lid' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'member'))
            yield ' '
            yield escape(environment.getattr(l_1_h, 'member'))
            yield ') · '
            yield escape(environment.getattr(l_1_h, 'host'))
            if environment.getattr(l_1_h, 'title'):
                pass
                yield ' · '
                yield escape(environment.getattr(l_1_h, 'title'))
            yield '</h4>\n<p class="muted">'
            if environment.getattr(l_1_h, 'href'):
                pass
                yield '<a class="url" href="'
                yield escape(environment.getattr(l_1_h, 'href'))
                yield '" rel="noopener noreferrer nofollow">'
                yield escape(environment.getattr(l_1_h, 'url'))
                yield '</a>'
            else:
                pass
                yield '<code>'
                yield escape(environment.getattr(l_1_h, 'url'))
                yield '</code>'
            yield ' · <code>'
            yield escape(environment.getattr(l_1_h, 'id'))
            yield '</code></p>\n'
            if (environment.getattr(l_1_h, 'change') or environment.getattr(l_1_h, 'mark')):
                pass
                yield '<p>'
                yield escape(t_1(t_2(context.eval_ctx, t_3(context, [environment.getattr(l_1_h, 'change'), environment.getattr(l_1_h, 'mark')]), ' · ')))
                yield '</p>'
            if (environment.getattr(l_1_h, 'url') not in (undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at)):
                pass
                for l_2_p in environment.getattr(l_1_h, 'passages'):
                    _loop_vars = {}
                    pass
                    yield '<blockquote class="passage">…'
                    for l_3_seg in l_2_p:
                        _loop_vars = {}
                        pass
                        if environment.getattr(l_3_seg, 'marked'):
                            pass
                            yield '<mark>'
                            yield escape(environment.getattr(l_3_seg, 'text'))
                            yield '</mark>'
                        else:
                            pass
                            yield escape(environment.getattr(l_3_seg, 'text'))
                    l_3_seg = missing
                    yield '…</blockquote>\n'
                l_2_p = missing
            yield '<p>'
            yield escape(('Toont' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'Shows'))
            yield ': '
            yield escape(t_2(context.eval_ctx, environment.getattr(l_1_h, 'fields'), ', '))
            if environment.getattr(l_1_h, 'ties'):
                pass
                yield ' — '
                yield escape(t_2(context.eval_ctx, environment.getattr(l_1_h, 'ties'), '; '))
            yield '.\n'
            if (environment.getattr(l_1_h, 'url') in (undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at)):
                pass
                yield escape(('Dezelfde pagina als' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'The same page as'))
                yield ' '
                if (not (undefined(name='for_print') if l_1_for_print is missing else l_1_for_print)):
                    pass
                    yield '<a href="#f-'
                    yield escape(environment.getattr(environment.getitem((undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at), environment.getattr(l_1_h, 'url')), 'id'))
                    yield '">'
                yield escape(('uw bevinding' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'your finding'))
                yield ' '
                yield escape((environment.getattr(environment.getitem((undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at), environment.getattr(l_1_h, 'url')), 'site') or environment.getattr(environment.getitem((undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at), environment.getattr(l_1_h, 'url')), 'host')))
                if environment.getattr(environment.getitem((undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at), environment.getattr(l_1_h, 'url')), 'title'):
                    pass
                    yield ' · '
                    yield escape(environment.getattr(environment.getitem((undefined(name='finding_at') if l_1_finding_at is missing else l_1_finding_at), environment.getattr(l_1_h, 'url')), 'title'))
                if (not (undefined(name='for_print') if l_1_for_print is missing else l_1_for_print)):
                    pass
                    yield '</a>'
                yield '.\n'
            if environment.getattr(l_1_h, 'steps'):
                pass
                yield '<strong>'
                yield escape(('Wat te doen' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'What to do'))
                yield ':</strong>\n'
                l_2_loop = missing
                for l_2_s, l_2_loop in LoopContext(environment.getattr(l_1_h, 'steps'), undefined):
                    l_2_plan_anchors = resolve('plan_anchors')
                    _loop_vars = {}
                    pass
                    if (environment.getattr(l_2_s, 'action') in (undefined(name='plan_anchors') if l_2_plan_anchors is missing else l_2_plan_anchors)):
                        pass
                        if (undefined(name='for_print') if l_1_for_print is missing else l_1_for_print):
                            pass
                            yield escape((environment.getattr(l_2_s, 'title') or environment.getattr(l_2_s, 'action')))
                        else:
                            pass
                            yield '<a href="#'
                            yield escape(environment.getitem((undefined(name='plan_anchors') if l_2_plan_anchors is missing else l_2_plan_anchors), environment.getattr(l_2_s, 'action')))
                            yield '">'
                            yield escape((environment.getattr(l_2_s, 'title') or environment.getattr(l_2_s, 'action')))
                            yield '</a>'
                    else:
                        pass
                        if environment.getattr(l_2_s, 'title'):
                            pass
                            yield '<strong>'
                            yield escape(environment.getattr(l_2_s, 'title'))
                            yield '.</strong> '
                        yield escape(environment.getattr(l_2_s, 'action'))
                        if environment.getattr(l_2_s, 'href'):
                            pass
                            yield ' <a class="url" href="'
                            yield escape(environment.getattr(l_2_s, 'href'))
                            yield '" rel="noopener noreferrer nofollow">'
                            yield escape(environment.getattr(l_2_s, 'url'))
                            yield '</a>'
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ' · '
                l_2_loop = l_2_s = l_2_plan_anchors = missing
            yield '</p>\n</article>\n'
        l_1_loop = l_1_h = l_1_finding_at = l_1_for_print = missing
        if (undefined(name='gone') if l_0_gone is missing else l_0_gone):
            pass
            yield '<h3>'
            yield escape(('Niet meer in deze lijst' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'No longer listed here'))
            yield '</h3>\n<ul>\n'
            for l_1_i in (undefined(name='gone') if l_0_gone is missing else l_0_gone):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(t_1(environment.getattr(l_1_i, 'relation')))
                yield ' ('
                yield escape(('lid' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'member'))
                yield ' '
                yield escape(environment.getattr(l_1_i, 'member'))
                yield ') · '
                yield escape(environment.getattr(l_1_i, 'host'))
                yield ' · '
                if environment.getattr(l_1_i, 'href'):
                    pass
                    yield '<a class="url" href="'
                    yield escape(environment.getattr(l_1_i, 'href'))
                    yield '" rel="noopener noreferrer nofollow">'
                    yield escape(environment.getattr(l_1_i, 'url'))
                    yield '</a>'
                else:
                    pass
                    yield '<code>'
                    yield escape(environment.getattr(l_1_i, 'url'))
                    yield '</code>'
                yield ' · '
                yield escape(environment.getattr(l_1_i, 'change'))
                if environment.getattr(l_1_i, 'mark'):
                    pass
                    yield ' · '
                    yield escape(environment.getattr(l_1_i, 'mark'))
                yield ' · <code>'
                yield escape(environment.getattr(l_1_i, 'id'))
                yield '</code></li>\n'
            l_1_i = missing
            yield '</ul>\n'
        yield '</section>\n'

blocks = {}
debug_info = '4=34&5=36&6=39&7=41&9=45&10=47&11=55&12=61&13=65&14=81&15=96&16=101&17=103&20=122&21=130&23=150&24=156&27=193&28=196&30=198'