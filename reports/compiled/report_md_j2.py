# Generated from reports/templates/report.md.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '7f515f0ad6551086c4c4786d4893d9144868eb1ec7bb03dcce6131f0a707d4c0'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_result = resolve('result')
    l_0_confidence = resolve('confidence')
    l_0_gettext = resolve('gettext')
    l_0_failed = resolve('failed')
    l_0_ngettext = resolve('ngettext')
    l_0_threats = resolve('threats')
    l_0_exposed = resolve('exposed')
    l_0_exposed_more = resolve('exposed_more')
    l_0_top_actions = resolve('top_actions')
    l_0_total = resolve('total')
    l_0_counts = resolve('counts')
    l_0_work_to_home = resolve('work_to_home')
    l_0_organisation = resolve('organisation')
    l_0_plan = resolve('plan')
    l_0_org_plan_at = resolve('org_plan_at')
    l_0_groups = resolve('groups')
    l_0_runs = resolve('runs')
    l_0_ledger_total = resolve('ledger_total')
    l_0_ledger = resolve('ledger')
    l_0_country = resolve('country')
    l_0_lang = resolve('lang')
    l_0_evidence = resolve('evidence')
    l_0_L = l_0_org_happens = l_0_org_plan_step = l_0_org_aftercare = l_0_stepinfo = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['mdpiece']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'mdpiece' found.")
    try:
        t_5 = environment.filters['mdurl']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'mdurl' found.")
    try:
        t_6 = environment.tests['false']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'false' found.")
    try:
        t_7 = environment.tests['true']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'true' found.")
    pass
    l_0_L = context.vars['L'] = environment.get_template('_labels.j2', 'report.md.j2')._get_default_module(context)
    context.exported_vars.discard('L')
    included_template = environment.get_template('_organisation.md.j2', 'report.md.j2').make_module(context.get_all(), True, {'L': l_0_L, 'failed': l_0_failed, 'org_aftercare': l_0_org_aftercare, 'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'stepinfo': l_0_stepinfo})
    l_0_org_happens = getattr(included_template, 'org_happens', missing)
    if l_0_org_happens is missing:
        l_0_org_happens = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'report.md.j2') does not export the requested name 'org_happens'", name='org_happens')
    l_0_org_plan_step = getattr(included_template, 'org_plan_step', missing)
    if l_0_org_plan_step is missing:
        l_0_org_plan_step = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'report.md.j2') does not export the requested name 'org_plan_step'", name='org_plan_step')
    l_0_org_aftercare = getattr(included_template, 'org_aftercare', missing)
    if l_0_org_aftercare is missing:
        l_0_org_aftercare = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'report.md.j2') does not export the requested name 'org_aftercare'", name='org_aftercare')
    context.vars.update({'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'org_aftercare': l_0_org_aftercare})
    context.exported_vars.difference_update(('org_happens', 'org_plan_step', 'org_aftercare'))
    def macro(l_1_s):
        t_8 = []
        l_1_bits = missing
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        pass
        l_1_bits = []
        if environment.getattr(l_1_s, 'url'):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), t_5(environment.getattr(l_1_s, 'url')))
        if (environment.getattr(l_1_s, 'method') and (not environment.getattr(l_1_s, 'title'))):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), str_join((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'How:'), ' ', context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'METHOD'), 'get'), environment.getattr(l_1_s, 'method'), environment.getattr(l_1_s, 'method')), )))
        if t_7(environment.getattr(l_1_s, 'needs_id')):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Proof of identity needed.'))
        elif t_6(environment.getattr(l_1_s, 'needs_id')):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No proof of identity needed.'))
        if environment.getattr(l_1_s, 'expected_time'):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), str_join((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Expected time:'), ' ', environment.getattr(l_1_s, 'expected_time'), )))
        if environment.getattr(l_1_s, 'source'):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), str_join((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Source:'), ' ', t_5(environment.getattr(l_1_s, 'source')), )))
        if environment.getattr(l_1_s, 'title'):
            pass
            t_8.extend((
                '**',
                str(environment.getattr(l_1_s, 'title')),
                '.** ',
            ))
        t_8.append(
            str(environment.getattr(l_1_s, 'action')),
        )
        if (undefined(name='bits') if l_1_bits is missing else l_1_bits):
            pass
            t_8.extend((
                ' — ',
                str(t_1(context.eval_ctx, (undefined(name='bits') if l_1_bits is missing else l_1_bits), ' · ')),
            ))
        return concat(t_8)
    context.exported_vars.add('stepinfo')
    context.vars['stepinfo'] = l_0_stepinfo = Macro(environment, macro, 'stepinfo', ('s',), False, False, False, context.eval_ctx.autoescape)
    yield '# '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Online exposure report'))
    yield '\n\n'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Scan started'))
    yield ' '
    yield str(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'started_at'))
    yield ', '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'finished'))
    yield ' '
    yield str(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'finished_at'))
    yield ' · exposure-scan '
    yield str(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'tool_version'))
    yield '\n\n'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This report is private: it shows where your details were found. Keep it safe.'))
    yield '\n\n'
    if environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'partial'):
        pass
        yield '> **'
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'PARTIAL SCAN: the scan was stopped before it finished. Sources it had not finished are listed as interrupted under Coverage; nothing is known about what they had not yet checked.'))
        yield '**\n\n'
    if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'web') == 'failed'):
        pass
        yield '> **'
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The web was not searched: the web search did not finish (see Coverage for why), so forums, people-search sites and other web pages were not looked at. Scan again later, or switch on another web search (see `exposure-scan providers`).'))
        yield '**\n\n'
    elif (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'web') != 'searched'):
        pass
        yield '> **'
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The web was not searched: no web search ran, so forums, people-search sites and other web pages were not looked at. Switch one on (see `exposure-scan providers`: the key-less ddgs, your own SearXNG with [providers.searxng] base_url, or Brave with BRAVE_API_KEY) and scan again.'))
        yield '**\n\n'
    if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') != 'complete'):
        pass
        if ((environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') == 0) and environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly')):
            pass
            yield '> **'
            yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(partly)s of %(asked)s sources could only partly be checked. The parts not checked are listed under Coverage; not checked does not mean nothing is there.', partly=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
            yield '**\n'
        else:
            pass
            l_0_failed = (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') - environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'))
            context.vars['failed'] = l_0_failed
            context.exported_vars.add('failed')
            yield '> **'
            if ((undefined(name='failed') if l_0_failed is missing else l_0_failed) > 0):
                pass
                yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(unchecked)s of %(asked)s sources could NOT be checked. Not checked does not mean nothing is there: see Coverage.', unchecked=(undefined(name='failed') if l_0_failed is missing else l_0_failed), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
            if (((undefined(name='failed') if l_0_failed is missing else l_0_failed) > 0) and environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted')):
                pass
                yield ' '
            if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'):
                pass
                yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s of %(asked)s sources was interrupted: the scan stopped before it finished. What it found so far is in this report; what it had not yet checked is unknown (see Coverage).', '%(count)s of %(asked)s sources were interrupted: the scan stopped before they finished. What they found so far is in this report; what they had not yet checked is unknown (see Coverage).', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
            yield '**\n'
        yield '\n'
    yield '## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Where you are exposed'))
    yield '\n\n'
    if (undefined(name='threats') if l_0_threats is missing else l_0_threats):
        pass
        yield '> **'
        yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'One page threatens you or posts your home address.', '%(count)s pages threaten you or post your home address.', (undefined(name='threats') if l_0_threats is missing else l_0_threats), count=(undefined(name='threats') if l_0_threats is missing else l_0_threats)))
        yield '** '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Save evidence and report it before you ask for removal: the first steps below say how.'))
        yield '\n\n'
    t_9 = 1
    for l_1_f in (undefined(name='exposed') if l_0_exposed is missing else l_0_exposed):
        _loop_vars = {}
        pass
        yield '- '
        if environment.getattr(l_1_f, 'threat'):
            pass
            yield '**'
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'threat', _loop_vars=_loop_vars))
            yield '** · '
        yield '**'
        yield str(t_3(((environment.getattr(l_1_f, 'site') or environment.getattr(l_1_f, 'host')) or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars))))
        yield '**'
        if environment.getattr(l_1_f, 'title'):
            pass
            yield ' · '
            yield str(t_3(environment.getattr(l_1_f, 'title')))
        yield ' — '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Shows', _loop_vars=_loop_vars))
        yield ' '
        yield str(environment.getattr(l_1_f, 'shows'))
        yield '.\n'
        t_9 = 0
    l_1_f = missing
    if t_9:
        pass
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No page in the sources that were checked shows your private details.'))
        yield '\n'
    if (undefined(name='exposed_more') if l_0_exposed_more is missing else l_0_exposed_more):
        pass
        yield '- '
        yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '…and one more page that shows private details: see Findings.', '…and %(count)s more pages that show private details: see Findings.', (undefined(name='exposed_more') if l_0_exposed_more is missing else l_0_exposed_more), count=(undefined(name='exposed_more') if l_0_exposed_more is missing else l_0_exposed_more)))
    yield '\n### '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Do these first'))
    yield '\n\n'
    l_1_loop = missing
    t_10 = 1
    for l_1_item, l_1_loop in LoopContext((undefined(name='top_actions') if l_0_top_actions is missing else l_0_top_actions), undefined):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_loop, 'index'))
        yield '. **'
        yield str((environment.getattr(environment.getattr(l_1_item, 'step'), 'title') or environment.getattr(environment.getattr(l_1_item, 'step'), 'action')))
        yield '** — '
        l_2_loop = missing
        for l_2_x, l_2_loop in LoopContext(environment.getattr(l_1_item, 'findings'), undefined):
            _loop_vars = {}
            pass
            yield str(t_3((environment.getattr(l_2_x, 'site') or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars))))
            if environment.getattr(l_2_x, 'title'):
                pass
                yield ' · '
                yield str(t_3(environment.getattr(l_2_x, 'title')))
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                yield '; '
        l_2_loop = l_2_x = missing
        yield ' ('
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'plan step', _loop_vars=_loop_vars))
        yield ' '
        yield str(environment.getattr(l_1_item, 'number'))
        yield ')\n'
        t_10 = 0
    l_1_loop = l_1_item = missing
    if t_10:
        pass
        if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'web') != 'searched'):
            pass
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing can be called urgent yet: the web was not searched (see above).'))
            yield '\n'
        elif environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'partial'):
            pass
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing can be called urgent yet: the scan was stopped before the end (see above).'))
            yield '\n'
        else:
            pass
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No urgent action: nothing private was found in the sources that were checked.'))
            yield '\n'
    yield '\n## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary'))
    yield '\n\n- **'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Risk score'))
    yield ':** '
    yield str(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'score'))
    yield '/100\n- **'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Level'))
    yield ':** '
    yield str(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'LEVEL'), 'get'), environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'level_shown'), environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'level')))
    yield '\n- **'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Confidence'))
    yield ':** '
    if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') == 'complete'):
        pass
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'complete: every source asked was checked'))
    elif (((environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') == 'reduced') and (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') == 0)) and environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly')):
        pass
        yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'reduced: %(partly)s of %(asked)s sources only partly checked', partly=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
    elif (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') == 'reduced'):
        pass
        if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') > environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted')):
            pass
            yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'reduced: %(unchecked)s of %(asked)s sources not checked', unchecked=(environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') - environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted')), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
        else:
            pass
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'reduced'))
        if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'):
            pass
            yield '; '
            yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s of %(asked)s sources stopped before it finished', '%(count)s of %(asked)s sources stopped before they finished', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
        if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'):
            pass
            yield '; '
            yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(partly)s of %(asked)s sources only partly checked', partly=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
    else:
        pass
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'none: no source could be checked'))
    yield '\n- '
    yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s finding', '%(count)s findings', (undefined(name='total') if l_0_total is missing else l_0_total), count=(undefined(name='total') if l_0_total is missing else l_0_total)))
    yield ' — '
    l_1_loop = missing
    for (l_1_sev, l_1_n), l_1_loop in LoopContext(context.call(environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'items')), undefined):
        _loop_vars = {}
        pass
        yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), l_1_sev))
        yield ': '
        yield str(l_1_n)
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ', '
    l_1_loop = l_1_sev = l_1_n = missing
    yield '\n\n'
    if (undefined(name='work_to_home') if l_0_work_to_home is missing else l_0_work_to_home):
        pass
        yield '**'
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Work-to-home link'))
        yield ':** '
        yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'one finding lets a stranger go from your public professional identity (registry entry, practice page) to your home address or private phone.', '%(count)s findings let a stranger go from your public professional identity (registry entry, practice page) to your home address or private phone.', (undefined(name='work_to_home') if l_0_work_to_home is missing else l_0_work_to_home), count=(undefined(name='work_to_home') if l_0_work_to_home is missing else l_0_work_to_home)))
        yield '\n\n'
    yield '## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Action plan'))
    yield '\n\n'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Every step once, in order: what to do first is at the top. Each step names the pages it is for.'))
    yield '\n\n'
    if (((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation) and (undefined(name='plan') if l_0_plan is missing else l_0_plan)) and ((undefined(name='org_plan_at') if l_0_org_plan_at is missing else l_0_org_plan_at) < 0)):
        pass
        yield str(context.call((undefined(name='org_plan_step') if l_0_org_plan_step is missing else l_0_org_plan_step), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
        yield '\n\n'
    l_1_loop = missing
    t_11 = 1
    for l_1_item, l_1_loop in LoopContext((undefined(name='plan') if l_0_plan is missing else l_0_plan), undefined):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_item, 'number'))
        yield '. '
        if (environment.getattr(l_1_item, 'threat') and (environment.getattr(l_1_item, 'phase') == 'acting')):
            pass
            yield '**'
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'threat', _loop_vars=_loop_vars))
            yield '** · '
        yield str(context.call((undefined(name='stepinfo') if l_0_stepinfo is missing else l_0_stepinfo), environment.getattr(l_1_item, 'step'), _loop_vars=_loop_vars))
        if ((environment.getattr(environment.getattr(l_1_item, 'step'), 'method') == 'report') and environment.getattr(l_1_item, 'per_site')):
            pass
            yield ' '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Use the “report” button or menu on the post; otherwise the site’s contact or abuse page, usually linked at the foot of the page.', _loop_vars=_loop_vars))
        yield '\n'
        if (environment.getattr(l_1_item, 'per_site') and environment.getattr(l_1_item, 'sites')):
            pass
            l_2_loop = missing
            for l_2_site, l_2_loop in LoopContext(environment.getattr(l_1_item, 'sites'), undefined):
                _loop_vars = {}
                pass
                yield '   - '
                yield str(t_3((environment.getattr(l_2_site, 'name') or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars))))
                yield ': '
                l_3_loop = missing
                for l_3_x, l_3_loop in LoopContext(environment.getattr(l_2_site, 'pages'), undefined):
                    _loop_vars = {}
                    pass
                    yield str(t_3((environment.getattr(l_3_x, 'title') or environment.getattr(l_3_x, 'site'))))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield '; '
                l_3_loop = l_3_x = missing
                if (environment.getattr(l_2_site, 'href') and (not environment.getattr(environment.getattr(l_1_item, 'step'), 'href'))):
                    pass
                    yield ' · '
                    yield str(t_5(environment.getattr(l_2_site, 'url')))
                elif ((environment.getattr(environment.getattr(l_1_item, 'step'), 'method') == 'report') and environment.getattr(l_2_site, 'report_href')):
                    pass
                    yield ' · '
                    yield str(t_5(environment.getattr(l_2_site, 'report_url')))
                yield '\n'
            l_2_loop = l_2_site = missing
        else:
            pass
            for l_2_x in environment.getattr(l_1_item, 'findings'):
                _loop_vars = {}
                pass
                yield '   - '
                yield str(t_3((environment.getattr(l_2_x, 'site') or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars))))
                if environment.getattr(l_2_x, 'title'):
                    pass
                    yield ' · '
                    yield str(t_3(environment.getattr(l_2_x, 'title')))
                if (not environment.getattr(l_1_item, 'per_site')):
                    pass
                    yield ' · '
                    yield str(t_5(environment.getattr(l_2_x, 'url')))
                yield '\n'
            l_2_x = missing
        if ((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation) and (environment.getattr(l_1_loop, 'index0') == (undefined(name='org_plan_at') if l_0_org_plan_at is missing else l_0_org_plan_at))):
            pass
            yield str(context.call((undefined(name='org_plan_step') if l_0_org_plan_step is missing else l_0_org_plan_step), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation), _loop_vars=_loop_vars))
            yield '\n'
        yield '\n'
        t_11 = 0
    l_1_loop = l_1_item = missing
    if t_11:
        pass
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing to remove: no private details were found in the sources that were checked.'))
        yield '\n\n'
    template = environment.get_template('_changes.md.j2', 'report.md.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'L': l_0_L, 'failed': l_0_failed, 'org_aftercare': l_0_org_aftercare, 'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'stepinfo': l_0_stepinfo}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('_household.md.j2', 'report.md.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'L': l_0_L, 'failed': l_0_failed, 'org_aftercare': l_0_org_aftercare, 'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'stepinfo': l_0_stepinfo}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Findings'))
    yield '\n\n'
    if (not (undefined(name='groups') if l_0_groups is missing else l_0_groups)):
        pass
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No findings in the sources that were checked.'))
        yield '\n\n'
    for l_1_group in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        _loop_vars = {}
        pass
        yield '### '
        yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), environment.getattr(l_1_group, 'severity')))
        yield ' ('
        yield str(t_2(environment.getattr(l_1_group, 'findings')))
        yield ')\n\n'
        for l_2_f in environment.getattr(l_1_group, 'findings'):
            _loop_vars = {}
            pass
            yield '#### '
            yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), environment.getattr(l_2_f, 'severity')))
            if environment.getattr(l_2_f, 'threat'):
                pass
                yield ' · **'
                yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'threat', _loop_vars=_loop_vars))
                yield '**'
            yield ' · '
            yield str(t_3(((environment.getattr(l_2_f, 'site') or environment.getattr(l_2_f, 'host')) or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars))))
            yield ' · '
            yield str(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'KIND'), 'get'), environment.getattr(l_2_f, 'source_kind'), environment.getattr(l_2_f, 'source_kind'), _loop_vars=_loop_vars))
            yield ' · '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'score', _loop_vars=_loop_vars))
            yield ' '
            yield str(environment.getattr(l_2_f, 'score'))
            yield '\n\n'
            if environment.getattr(l_2_f, 'work_to_home'):
                pass
                yield '**'
                yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Work-to-home link', _loop_vars=_loop_vars))
                yield ':** '
                yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'from your professional identity a stranger can get from this page to your home address or private phone.', _loop_vars=_loop_vars))
                yield '\n\n'
            if environment.getattr(l_2_f, 'title'):
                pass
                yield '**'
                yield str(t_3(environment.getattr(l_2_f, 'title')))
                yield '**\n\n'
            yield '- '
            yield str(t_5(environment.getattr(l_2_f, 'url')))
            yield '\n- '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Seen', _loop_vars=_loop_vars))
            yield ' '
            yield str(environment.getattr(l_2_f, 'seen_at'))
            yield ' · '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'found by', _loop_vars=_loop_vars))
            yield ' '
            yield str(t_3(environment.getattr(l_2_f, 'provider')))
            yield ' · `'
            yield str(environment.getattr(l_2_f, 'id'))
            yield '`\n\n'
            t_12 = 1
            for l_3_p in environment.getattr(l_2_f, 'passages'):
                _loop_vars = {}
                pass
                yield '> …'
                for l_4_seg in l_3_p:
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_4_seg, 'marked'):
                        pass
                        yield '**'
                        yield str(t_3(environment.getattr(l_4_seg, 'text')))
                        yield '**'
                    else:
                        pass
                        yield str(t_4(environment.getattr(l_4_seg, 'text')))
                l_4_seg = missing
                yield '…\n\n'
                t_12 = 0
            l_3_p = missing
            if t_12:
                pass
                if environment.getattr(l_2_f, 'structured'):
                    pass
                    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Found in the page's structured data (JSON-LD or microdata): the fields below."))
                    yield '\n\n'
                elif environment.getattr(l_2_f, 'snippet'):
                    pass
                    yield '> '
                    yield str(t_3(environment.getattr(l_2_f, 'snippet')))
                    yield '\n\n'
            yield '| '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What matched', _loop_vars=_loop_vars))
            yield ' | '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Shown on the page', _loop_vars=_loop_vars))
            yield ' | '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Match', _loop_vars=_loop_vars))
            yield ' | '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Why it matched', _loop_vars=_loop_vars))
            yield ' |\n|---|---|---|---|\n'
            for l_3_m in environment.getattr(l_2_f, 'matches'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'FIELD'), 'get'), environment.getattr(l_3_m, 'field'), environment.getattr(l_3_m, 'field'), _loop_vars=_loop_vars))
                if environment.getattr(l_3_m, 'label'):
                    pass
                    yield ' ('
                    yield str(t_3(environment.getattr(l_3_m, 'label')))
                    yield ')'
                if environment.getattr(l_3_m, 'private'):
                    pass
                    yield ' · **'
                    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'private', _loop_vars=_loop_vars))
                    yield '**'
                yield ' | '
                yield str(t_3(environment.getattr(l_3_m, 'observed')))
                yield ' | '
                yield str(environment.getattr(l_3_m, 'confidence'))
                yield '/100 | '
                yield str(t_3(environment.getattr(l_3_m, 'reason')))
                yield ' |\n'
            l_3_m = missing
            yield '\n'
            if environment.getattr(l_2_f, 'rules'):
                pass
                yield '**'
                yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Why this matters', _loop_vars=_loop_vars))
                yield '**\n\n'
                for l_3_r in environment.getattr(l_2_f, 'rules'):
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_3_r, 'why'):
                        pass
                        yield '- '
                        yield str(environment.getattr(l_3_r, 'why'))
                        yield '\n'
                l_3_r = missing
                yield '\n'
            yield '**'
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What to do', _loop_vars=_loop_vars))
            yield ':** '
            if environment.getattr(l_2_f, 'plan_steps'):
                pass
                yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'step', 'steps', t_2(environment.getattr(l_2_f, 'plan_steps')), count=t_2(environment.getattr(l_2_f, 'plan_steps')), _loop_vars=_loop_vars))
                yield ' '
                yield str(t_1(context.eval_ctx, environment.getattr(l_2_f, 'plan_steps'), ', '))
                yield ' '
                yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'of the action plan', _loop_vars=_loop_vars))
                yield '.'
            else:
                pass
                yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Ask the site owner to remove your details.', _loop_vars=_loop_vars))
            yield '\n\n'
        l_2_f = missing
    l_1_group = missing
    yield '## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Coverage: what was checked'))
    yield '\n\n'
    if environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'partial'):
        pass
        yield '> **'
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'PARTIAL SCAN: this picture is incomplete.'))
        yield '**\n\n'
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'A source that was not checked is not clear: your details may be there.'))
    if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'):
        pass
        yield ' '
        yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s of %(asked)s sources was interrupted: the scan stopped before it finished. What it found so far is in this report; what it had not yet checked is unknown (see Coverage).', '%(count)s of %(asked)s sources were interrupted: the scan stopped before they finished. What they found so far is in this report; what they had not yet checked is unknown (see Coverage).', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
    yield '\n'
    if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'not_configured'):
        pass
        yield str(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'One source needs a key or address you have not set. It is listed as not configured, not counted as unchecked; its row says how to set it up or check it by hand.', '%(count)s sources need a key or address you have not set. They are listed as not configured, not counted as unchecked; each row says how to set it up or check it by hand.', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'not_configured'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'not_configured')))
        yield '\n\n'
    yield '| '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Source'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Status'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Results'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Reason / not checked parts'))
    yield ' |\n|---|---|---|---|\n'
    t_13 = 1
    for l_1_r in (undefined(name='runs') if l_0_runs is missing else l_0_runs):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_3(environment.getattr(l_1_r, 'title')))
        yield ' | '
        if (environment.getattr(l_1_r, 'status') in ('unchecked', 'interrupted')):
            pass
            yield '**'
            yield str(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'STATUS'), environment.getattr(l_1_r, 'status')))
            yield '**'
        else:
            pass
            yield str(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'STATUS'), 'get'), environment.getattr(l_1_r, 'status'), environment.getattr(l_1_r, 'status'), _loop_vars=_loop_vars))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'observations'))
        yield ' | '
        yield str(t_3(environment.getattr(l_1_r, 'reason')))
        if environment.getattr(l_1_r, 'manual_check'):
            pass
            yield ' — '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Or check it by hand:', _loop_vars=_loop_vars))
            yield ' '
            yield str(t_3(environment.getattr(l_1_r, 'manual_check')))
        if environment.getattr(l_1_r, 'unchecked_parts'):
            pass
            yield ' — '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not checked:', _loop_vars=_loop_vars))
            yield ' '
            yield str(t_3(t_1(context.eval_ctx, environment.getattr(l_1_r, 'unchecked_parts'), ', ')))
        yield ' |\n'
        t_13 = 0
    l_1_r = missing
    if t_13:
        pass
        yield '| '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No source was asked.'))
        yield ' | | | |\n'
    yield '\n## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Query ledger: what was sent out'))
    yield '\n\n'
    yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(n)s requests. Which profile fields each request used is listed; the values themselves are not.', n=(undefined(name='ledger_total') if l_0_ledger_total is missing else l_0_ledger_total)))
    yield '\n\n| '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Source'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Host'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Fields sent'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Requests'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'HTTP status'))
    yield ' |\n|---|---|---|---|---|\n'
    t_14 = 1
    for l_1_e in (undefined(name='ledger') if l_0_ledger is missing else l_0_ledger):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_3(environment.getattr(l_1_e, 'provider')))
        yield ' | '
        yield str(t_3(environment.getattr(l_1_e, 'host')))
        yield ' | '
        yield str(t_3((t_1(context.eval_ctx, environment.getattr(l_1_e, 'fields'), ', ') or '—')))
        yield ' | '
        yield str(environment.getattr(l_1_e, 'count'))
        yield ' | '
        yield str(t_3(t_1(context.eval_ctx, environment.getattr(l_1_e, 'statuses'), ', ')))
        yield ' |\n'
        t_14 = 0
    l_1_e = missing
    if t_14:
        pass
        yield '| '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No requests were sent.'))
        yield ' | | | | |\n'
    yield '\n## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'If it happens: someone posts your details'))
    yield '\n\n'
    if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
        pass
        yield str(context.call((undefined(name='org_happens') if l_0_org_happens is missing else l_0_org_happens), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
        yield '\n'
    if ((undefined(name='country') if l_0_country is missing else l_0_country) == 'UK'):
        pass
        yield '- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'If you are in danger now, call 999. Otherwise report it to the police on 101 (or online). Say that it concerns you in your work as a care provider.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Keep evidence before anything is removed: screenshots that show the address (URL), date and time; the links; messages as originals. Keep it all in one place.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Report the post to the platform as doxing (sharing private information).'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Tell your employer or practice: they can help protect you at work, for example by handling calls and mail about you.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), "If a site does not remove your personal data when you ask (UK GDPR), you can complain to the Information Commissioner's Office (ICO):"))
        yield ' <https://ico.org.uk/make-a-complaint/>\n'
    elif ((undefined(name='country') if l_0_country is missing else l_0_country) == 'US'):
        pass
        yield '- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'If you are in danger now, call 911. Otherwise report it to your local police. Say that it concerns you in your work as a care provider.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Keep evidence before anything is removed: screenshots that show the address (URL), date and time; the links; messages as originals. Keep it all in one place.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Report the post to the platform as doxing (sharing private information).'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Tell your employer or practice: they can help protect you at work, for example by handling calls and mail about you.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Most states have an address confidentiality program (ACP): a substitute address with mail forwarding, mainly for survivors of domestic violence, sexual assault or stalking. California's Safe at Home also covers reproductive-health-care workers. Search for “address confidentiality program” and your state."))
        yield '\n'
    else:
        pass
        yield '- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), "In the Netherlands doxing is a criminal offence since 1 January 2024 (Article 285d of the Criminal Code): spreading someone's personal details to frighten them, seriously bother them or hinder them in their work."))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Keep evidence before anything is removed: screenshots that show the address (URL), date and time; the links; messages as originals. Keep it all in one place.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Report it to the police (aangifte; appointment via 0900-8844). Say that it concerns you in your work as a care provider.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Tell your employer or practice: employers must have a policy against psychosocial risks such as doxing, and the Handelingskader doxing is written for them.'))
        yield '\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Get help removing it: HelpWanted (part of Offlimits) is free and anonymous: 020-261 52 75,'))
        yield ' <https://www.helpwanted.nl/'
        yield str(('' if ((undefined(name='lang') if l_0_lang is missing else l_0_lang) == 'nl') else 'en'))
        yield '>\n- '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The Autoriteit Persoonsgegevens can have a publication removed; you can file a complaint with it.'))
        yield '\n'
    yield '\n'
    if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
        pass
        yield str(context.call((undefined(name='org_aftercare') if l_0_org_aftercare is missing else l_0_org_aftercare), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
        yield '\n\n'
    yield '## '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Evidence appendix'))
    yield '\n\n| '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Finding'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Address (URL)'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Seen'))
    yield ' | '
    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Page fingerprint (SHA-256)'))
    yield ' |\n|---|---|---|---|\n'
    t_15 = 1
    for l_1_e in (undefined(name='evidence') if l_0_evidence is missing else l_0_evidence):
        _loop_vars = {}
        pass
        yield '| `'
        yield str(environment.getattr(l_1_e, 'id'))
        yield '` | '
        yield str(t_5(environment.getattr(l_1_e, 'url')))
        yield ' | '
        yield str(environment.getattr(l_1_e, 'seen_at'))
        yield ' | '
        yield str((str_join(('`', environment.getattr(l_1_e, 'body_sha256'), '`', )) if environment.getattr(l_1_e, 'body_sha256') else '—'))
        yield ' |\n'
        t_15 = 0
    l_1_e = missing
    if t_15:
        pass
        yield '| '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No findings.'))
        yield ' | | | |\n'
    yield '\n---\nexposure-scan '
    yield str(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'tool_version'))
    yield ' · schema '
    yield str(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'schema_version'))
    yield '\n'

blocks = {}
debug_info = '1=77&2=79&3=91&4=97&5=98&6=101&7=104&8=110&9=113&10=116&12=136&14=138&16=148&18=150&19=153&22=155&23=158&25=160&26=163&29=165&30=167&31=170&33=174&34=178&38=190&40=192&41=195&44=200&45=204&47=225&49=227&52=232&54=236&55=239&57=265&58=267&59=269&60=271&62=275&66=278&68=280&69=284&70=288&71=316&73=330&74=333&77=338&79=340&81=342&82=344&85=348&86=351&87=364&88=367&89=371&92=394&93=398&96=409&97=411&101=418&104=420&105=426&106=433&108=435&109=437&112=439&113=443&115=447&116=451&118=466&119=469&122=473&123=476&126=479&127=481&129=492&130=496&133=513&134=515&136=517&137=520&141=523&143=531&144=535&147=555&148=558&150=560&151=563&152=566&157=571&161=588&163=590&164=593&167=595&169=601&170=603&173=606&175=615&176=619&178=651&181=654&183=656&185=658&187=669&188=673&190=688&193=691&195=693&196=695&198=697&199=700&200=702&201=704&202=706&203=708&204=710&205=713&206=715&207=717&208=719&209=721&211=726&212=728&213=730&214=732&215=734&216=738&219=741&220=743&223=746&225=748&227=757&228=761&230=774&234=777'