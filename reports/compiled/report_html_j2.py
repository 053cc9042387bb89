# Generated from reports/templates/report.html.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '0b57c8b73feb61a31def148b5eb8cfd0cbc79178f65df4795d784c4f35d8ff1a'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0__ = resolve('_')
    l_0_paper = resolve('paper')
    l_0_print_title = resolve('print_title')
    l_0_print_pages = resolve('print_pages')
    l_0_result = resolve('result')
    l_0_confidence = resolve('confidence')
    l_0_gettext = resolve('gettext')
    l_0_ngettext = resolve('ngettext')
    l_0_threats = resolve('threats')
    l_0_exposed = resolve('exposed')
    l_0_exposed_more = resolve('exposed_more')
    l_0_top_actions = resolve('top_actions')
    l_0_total = resolve('total')
    l_0_counts = resolve('counts')
    l_0_work_to_home = resolve('work_to_home')
    l_0_for_print = resolve('for_print')
    l_0_plan = resolve('plan')
    l_0_organisation = resolve('organisation')
    l_0_org_plan_at = resolve('org_plan_at')
    l_0_groups = resolve('groups')
    l_0_runs = resolve('runs')
    l_0_ledger_total = resolve('ledger_total')
    l_0_ledger = resolve('ledger')
    l_0_country = resolve('country')
    l_0_evidence = resolve('evidence')
    l_0_L = l_0_org_happens = l_0_org_plan_step = l_0_org_aftercare = l_0_url = l_0_stepinfo = l_0_jump = l_0_page = l_0_pages = l_0_sitepages = l_0_quote = l_0_failed = missing
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
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_5 = environment.tests['false']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'false' found.")
    try:
        t_6 = environment.tests['true']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'true' found.")
    pass
    l_0_L = context.vars['L'] = environment.get_template('_labels.j2', 'report.html.j2')._get_default_module(context)
    context.exported_vars.discard('L')
    included_template = environment.get_template('_organisation.html.j2', 'report.html.j2').make_module(context.get_all(), True, {'L': l_0_L, 'failed': l_0_failed, 'jump': l_0_jump, 'org_aftercare': l_0_org_aftercare, 'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'page': l_0_page, 'pages': l_0_pages, 'quote': l_0_quote, 'sitepages': l_0_sitepages, 'stepinfo': l_0_stepinfo, 'url': l_0_url})
    l_0_org_happens = getattr(included_template, 'org_happens', missing)
    if l_0_org_happens is missing:
        l_0_org_happens = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'report.html.j2') does not export the requested name 'org_happens'", name='org_happens')
    l_0_org_plan_step = getattr(included_template, 'org_plan_step', missing)
    if l_0_org_plan_step is missing:
        l_0_org_plan_step = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'report.html.j2') does not export the requested name 'org_plan_step'", name='org_plan_step')
    l_0_org_aftercare = getattr(included_template, 'org_aftercare', missing)
    if l_0_org_aftercare is missing:
        l_0_org_aftercare = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'report.html.j2') does not export the requested name 'org_aftercare'", name='org_aftercare')
    context.vars.update({'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'org_aftercare': l_0_org_aftercare})
    context.exported_vars.difference_update(('org_happens', 'org_plan_step', 'org_aftercare'))
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; form-action \'none\'; base-uri \'none\'">\n<title>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Online exposure report'))
    yield '</title>\n<style>\n:root { --crit: #8b0000; --high: #c0392b; --med: #b9770e; --low: #1f618d; --info: #566573; }\n* { box-sizing: border-box; }\nbody { font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;\n       max-width: 70rem; margin: 0 auto; padding: .5rem 1.25rem 3rem; background: #fff; }\nh1 { font-size: 1.6rem; margin: .4rem 0 .2rem; }\nh2 .muted { font-weight: 400; font-size: .9rem; }\nh2 { font-size: 1.3rem; border-bottom: 2px solid #ddd; padding-bottom: .1rem; margin: 1rem 0 .35rem; }\nh3 { font-size: 1.05rem; margin: .8rem 0 .3rem; }\nh4 { font-size: 1rem; }\np { margin: .35rem 0; }\n.meta, .muted { color: #555; font-size: .9rem; }\n.meta { margin: 0; }\n.alert { border: 3px solid var(--crit); background: #fdecea; padding: .5rem .9rem; margin: .6rem 0; font-weight: 600; }\n.notice { border-left: 5px solid var(--med); background: #fef5e7; padding: .3rem .8rem; margin: .5rem 0; }\n.score { display: flex; gap: .1rem 1.2rem; flex-wrap: wrap; align-items: baseline; }\n.score .big { font-size: 1.4rem; font-weight: 700; line-height: 1; }\n.badge { display: inline-block; padding: 0 .45rem; border-radius: .3rem; color: #fff; font-size: .85rem; font-weight: 600; }\n.sev-critical { background: var(--crit); } .sev-high { background: var(--high); }\n.sev-medium { background: var(--med); } .sev-low { background: var(--low); } .sev-info { background: var(--info); }\n.finding { border: 1px solid #ccc; border-left: 8px solid var(--info); padding: .4rem .9rem; margin: .6rem 0; break-inside: avoid; page-break-inside: avoid; }\n.finding.critical { border-left-color: var(--crit); } .finding.high { border-left-color: var(--high); }\n.finding.medium { border-left-color: var(--med); } .finding.low { border-left-color: var(--low); }\n.finding h4 { margin: .1rem 0 .2rem; }\n.finding p { margin: .2rem 0; }\ndetails.finding { padding: .15rem .9rem; }\ndetails.finding p { margin: .4rem 0; }\ndetails.finding summary { cursor: pointer; }\n.link { font-weight: 700; color: var(--crit); }\nblockquote { margin: .3rem 0; padding: .25rem .7rem; background: #f4f4f4; border-left: 4px solid #aaa; white-space: pre-wrap; overflow-wrap: anywhere; }\n.passage { white-space: normal; }\ncode, .url { font-family: ui-monospace, Consolas, monospace; font-size: .85rem; overflow-wrap: anywhere; word-break: break-all; }\ntable { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }\nth, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }\nth { background: #f0f0f0; }\nol.plan summary { cursor: pointer; }\nol.plan p.how { margin: .1rem 0 0; }\nol.plan { padding-left: 1.8rem; }\nol.plan > li { margin-bottom: .45rem; }\nol.first { margin: .2rem 0; }\n.unchecked { background: #fdecea; font-weight: 600; }\na { color: #0b5394; }\nmark { background: #ffe58a; color: inherit; font-weight: 600; padding: 0 .1rem; }\n.table-wrap { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }\n.table-wrap table { min-width: 32rem; }\nul.exposed { list-style: none; padding: 0; margin: .4rem 0; }\nul.exposed li { border-left: 6px solid var(--info); padding: .1rem .7rem; margin: .2rem 0; background: #fafafa; }\nul.exposed li.critical { border-color: var(--crit); } ul.exposed li.high { border-color: var(--high); }\nul.exposed li.medium { border-color: var(--med); } ul.exposed li.low { border-color: var(--low); }\n.threat { border: 3px solid var(--crit); background: #fdecea; padding: .4rem .9rem; margin: .5rem 0; }\n.tag-threat { display: inline-block; background: var(--crit); color: #fff; font-size: .8rem; font-weight: 700; padding: 0 .4rem; border-radius: .25rem; }\n.for { font-size: .9rem; }\nh2, h3, h4 { break-after: avoid; page-break-after: avoid; }\n.finding, .plan > li, ul.exposed li { break-inside: avoid; page-break-inside: avoid; }\n@page {\n  size: '
    yield escape((undefined(name='paper') if l_0_paper is missing else l_0_paper))
    yield ';\n  margin: 16mm 14mm 16mm;\n  @top-left { content: '
    yield escape(t_4((undefined(name='print_title') if l_0_print_title is missing else l_0_print_title)))
    yield '; font: 8.5pt system-ui, sans-serif; color: #555; }\n  @bottom-right { content: '
    yield escape(t_4((undefined(name='print_pages') if l_0_print_pages is missing else l_0_print_pages)))
    yield '; font: 8.5pt system-ui, sans-serif; color: #555; }\n}\n@media print {\n  body { max-width: none; font-size: 10.5pt; padding: 0; }\n  a { color: #000; text-decoration: none; }\n  .table-wrap { overflow: visible; }\n  .table-wrap table { min-width: 0; }\n  tr { page-break-inside: avoid; break-inside: avoid; }\n  .badge, .tag-threat { border: 1px solid #000; color: #000; background: none !important; }\n  mark { background: none; text-decoration: underline; }\n  /* printed from a browser: what is folded on screen is written out on paper */\n  details::details-content { content-visibility: visible; display: contents; }\n  summary { list-style: none; }\n  h2 .muted { display: none; }  /* "click a step": nothing to click on paper */\n}\n</style>\n</head>\n<body>\n'
    def macro(l_1_value, l_1_href):
        t_7 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_href is missing:
            l_1_href = undefined("parameter 'href' was not provided", name='href')
        pass
        if l_1_href:
            pass
            t_7.extend((
                '<a class="url" href="',
                escape(l_1_href),
                '" rel="noopener noreferrer nofollow">',
                escape(l_1_value),
                '</a>',
            ))
        elif l_1_value:
            pass
            t_7.extend((
                '<code>',
                escape(l_1_value),
                '</code>',
            ))
        return concat(t_7)
    context.exported_vars.add('url')
    context.vars['url'] = l_0_url = Macro(environment, macro, 'url', ('value', 'href'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_s, l_1_own_link):
        t_8 = []
        l_1_bits = missing
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_own_link is missing:
            l_1_own_link = True
        pass
        if environment.getattr(l_1_s, 'title'):
            pass
            t_8.append(
                escape(environment.getattr(l_1_s, 'action')),
            )
        l_1_bits = []
        if (environment.getattr(l_1_s, 'url') and l_1_own_link):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_s, 'url'), environment.getattr(l_1_s, 'href')))
        if (environment.getattr(l_1_s, 'method') and (not environment.getattr(l_1_s, 'title'))):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), markup_join((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'How:'), ' ', context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'METHOD'), 'get'), environment.getattr(l_1_s, 'method'), environment.getattr(l_1_s, 'method')), )))
        if t_6(environment.getattr(l_1_s, 'needs_id')):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Proof of identity needed.'))
        elif t_5(environment.getattr(l_1_s, 'needs_id')):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No proof of identity needed.'))
        if environment.getattr(l_1_s, 'expected_time'):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), markup_join((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Expected time:'), ' ', environment.getattr(l_1_s, 'expected_time'), )))
        if environment.getattr(l_1_s, 'source'):
            pass
            context.call(environment.getattr((undefined(name='bits') if l_1_bits is missing else l_1_bits), 'append'), markup_join((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Source:'), ' ', context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_s, 'source_site'), environment.getattr(l_1_s, 'source_href')), )))
        if (undefined(name='bits') if l_1_bits is missing else l_1_bits):
            pass
            t_8.extend((
                ' <span class="muted">',
                escape(t_1(context.eval_ctx, (undefined(name='bits') if l_1_bits is missing else l_1_bits), ' · ')),
                '</span>',
            ))
        return concat(t_8)
    context.exported_vars.add('stepinfo')
    context.vars['stepinfo'] = l_0_stepinfo = Macro(environment, macro, 'stepinfo', ('s', 'own_link'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_anchor, l_1_caller):
        t_9 = []
        if l_1_anchor is missing:
            l_1_anchor = undefined("parameter 'anchor' was not provided", name='anchor')
        pass
        if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
            pass
            t_9.append(
                escape(context.call(l_1_caller)),
            )
        else:
            pass
            t_9.extend((
                '<a href="#',
                escape(l_1_anchor),
                '">',
                escape(context.call(l_1_caller)),
                '</a>',
            ))
        return concat(t_9)
    context.exported_vars.add('jump')
    context.vars['jump'] = l_0_jump = Macro(environment, macro, 'jump', ('anchor',), False, False, True, context.eval_ctx.autoescape)
    def macro(l_1_x):
        t_10 = []
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        def macro():
            t_11 = []
            pass
            t_11.append(
                escape((environment.getattr(l_1_x, 'label') or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site'))),
            )
            return concat(t_11)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        t_10.append(context.call((undefined(name='jump') if l_0_jump is missing else l_0_jump), markup_join(('f-', environment.getattr(l_1_x, 'id'), )), caller=caller))
        return concat(t_10)
    context.exported_vars.add('page')
    context.vars['page'] = l_0_page = Macro(environment, macro, 'page', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_item):
        t_12 = []
        if l_1_item is missing:
            l_1_item = undefined("parameter 'item' was not provided", name='item')
        pass
        if environment.getattr(l_1_item, 'all_pages'):
            pass
            t_12.append(
                escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'the page above', 'all %(count)s pages above', environment.getattr(l_1_item, 'all_pages'), count=environment.getattr(l_1_item, 'all_pages'))),
            )
        elif environment.getattr(l_1_item, 'many'):
            pass
            t_12.append(
                escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s page (its finding names this step)', '%(count)s pages (each finding names this step)', environment.getattr(l_1_item, 'many'), count=environment.getattr(l_1_item, 'many'))),
            )
        else:
            pass
            l_2_loop = missing
            for l_2_x, l_2_loop in LoopContext(environment.getattr(l_1_item, 'findings'), undefined):
                _loop_vars = {}
                pass
                t_12.append(
                    escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), l_2_x, _loop_vars=_loop_vars)),
                )
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_12.append(
                        '; ',
                    )
            l_2_loop = l_2_x = missing
        return concat(t_12)
    context.exported_vars.add('pages')
    context.vars['pages'] = l_0_pages = Macro(environment, macro, 'pages', ('item',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_site):
        t_13 = []
        if l_1_site is missing:
            l_1_site = undefined("parameter 'site' was not provided", name='site')
        pass
        t_13.extend((
            '<strong>',
            escape((environment.getattr(l_1_site, 'name') or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site'))),
            '</strong> (',
        ))
        if (t_2(environment.getattr(l_1_site, 'pages')) == 1):
            pass
            t_13.append(
                escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getitem(environment.getattr(l_1_site, 'pages'), 0))),
            )
        else:
            pass
            t_13.append(
                escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s page', '%(count)s pages', t_2(environment.getattr(l_1_site, 'pages')), count=t_2(environment.getattr(l_1_site, 'pages')))),
            )
        t_13.append(
            ')',
        )
        return concat(t_13)
    context.exported_vars.add('sitepages')
    context.vars['sitepages'] = l_0_sitepages = Macro(environment, macro, 'sitepages', ('site',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_p):
        t_14 = []
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_14.append(
            '<blockquote class="passage">…',
        )
        for l_2_seg in l_1_p:
            _loop_vars = {}
            pass
            if environment.getattr(l_2_seg, 'marked'):
                pass
                t_14.extend((
                    '<mark>',
                    escape(environment.getattr(l_2_seg, 'text')),
                    '</mark>',
                ))
            else:
                pass
                t_14.append(
                    escape(environment.getattr(l_2_seg, 'text')),
                )
        l_2_seg = missing
        t_14.append(
            '…</blockquote>',
        )
        return concat(t_14)
    context.exported_vars.add('quote')
    context.vars['quote'] = l_0_quote = Macro(environment, macro, 'quote', ('p',), False, False, False, context.eval_ctx.autoescape)
    yield '<header>\n<h1>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Online exposure report'))
    yield '</h1>\n<p class="meta">'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Scan started'))
    yield ' '
    yield escape(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'started_at'))
    yield ', '
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'finished'))
    yield ' '
    yield escape(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'finished_at'))
    yield ' · exposure-scan '
    yield escape(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'tool_version'))
    yield '<br>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This report is private: it shows where your details were found. Keep it safe.'))
    yield '</p>\n</header>\n\n'
    l_0_failed = (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') - environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'))
    context.vars['failed'] = l_0_failed
    context.exported_vars.add('failed')
    if environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'partial'):
        pass
        yield '<div class="alert" role="alert">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'PARTIAL SCAN: the scan was stopped before it finished. Sources it had not finished are listed as interrupted under Coverage; nothing is known about what they had not yet checked.'))
        yield '</div>\n'
    if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'web') == 'failed'):
        pass
        yield '<div class="alert" role="alert">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The web was not searched: the web search did not finish (see Coverage for why), so forums, people-search sites and other web pages were not looked at. Scan again later, or switch on another web search (see `exposure-scan providers`).'))
        yield '</div>\n'
    elif (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'web') != 'searched'):
        pass
        yield '<div class="alert" role="alert">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The web was not searched: no web search ran, so forums, people-search sites and other web pages were not looked at. Switch one on (see `exposure-scan providers`: the key-less ddgs, your own SearXNG with [providers.searxng] base_url, or Brave with BRAVE_API_KEY) and scan again.'))
        yield '</div>\n'
    if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') != 'complete'):
        pass
        if ((environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') == 0) and environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly')):
            pass
            yield '<div class="alert" role="alert">'
            yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(partly)s of %(asked)s sources could only partly be checked. The parts not checked are listed under Coverage; not checked does not mean nothing is there.', partly=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
            yield '</div>\n'
        else:
            pass
            yield '<div class="alert" role="alert">'
            if ((undefined(name='failed') if l_0_failed is missing else l_0_failed) > 0):
                pass
                yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(unchecked)s of %(asked)s sources could NOT be checked. Not checked does not mean nothing is there: see Coverage.', unchecked=(undefined(name='failed') if l_0_failed is missing else l_0_failed), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
            if (((undefined(name='failed') if l_0_failed is missing else l_0_failed) > 0) and environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted')):
                pass
                yield ' '
            if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'):
                pass
                yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s of %(asked)s sources was interrupted: the scan stopped before it finished. What it found so far is in this report; what it had not yet checked is unknown (see Coverage).', '%(count)s of %(asked)s sources were interrupted: the scan stopped before they finished. What they found so far is in this report; what they had not yet checked is unknown (see Coverage).', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
            yield '</div>\n'
    yield '\n<section id="exposed">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Where you are exposed'))
    yield '</h2>\n'
    if (undefined(name='threats') if l_0_threats is missing else l_0_threats):
        pass
        yield '<p class="threat" role="alert"><strong>'
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'One page threatens you or posts your home address.', '%(count)s pages threaten you or post your home address.', (undefined(name='threats') if l_0_threats is missing else l_0_threats), count=(undefined(name='threats') if l_0_threats is missing else l_0_threats)))
        yield '</strong> '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Save evidence and report it before you ask for removal: the first steps below say how.'))
        yield '</p>\n'
    if (undefined(name='exposed') if l_0_exposed is missing else l_0_exposed):
        pass
        yield '<ul class="exposed">\n'
        for l_1_f in (undefined(name='exposed') if l_0_exposed is missing else l_0_exposed):
            _loop_vars = {}
            pass
            yield '<li class="'
            yield escape(environment.getattr(l_1_f, 'severity'))
            yield '">'
            if environment.getattr(l_1_f, 'threat'):
                pass
                yield '<span class="tag-threat">'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'threat', _loop_vars=_loop_vars))
                yield '</span> '
            def macro():
                t_15 = []
                pass
                t_15.extend((
                    '<strong>',
                    escape(((environment.getattr(l_1_f, 'site') or environment.getattr(l_1_f, 'host')) or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site'))),
                    '</strong>',
                ))
                if environment.getattr(l_1_f, 'title'):
                    pass
                    t_15.extend((
                        ' · ',
                        escape(environment.getattr(l_1_f, 'title')),
                    ))
                return concat(t_15)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            yield context.call((undefined(name='jump') if l_0_jump is missing else l_0_jump), markup_join(('f-', environment.getattr(l_1_f, 'id'), )), caller=caller, _loop_vars=_loop_vars)
            yield ' — '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Shows', _loop_vars=_loop_vars))
            yield ' '
            yield escape(environment.getattr(l_1_f, 'shows'))
            yield '.</li>\n'
        l_1_f = missing
        if (undefined(name='exposed_more') if l_0_exposed_more is missing else l_0_exposed_more):
            pass
            yield '<li>'
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '…and one more page that shows private details: see Findings.', '…and %(count)s more pages that show private details: see Findings.', (undefined(name='exposed_more') if l_0_exposed_more is missing else l_0_exposed_more), count=(undefined(name='exposed_more') if l_0_exposed_more is missing else l_0_exposed_more)))
            yield '</li>'
        yield '</ul>\n'
    else:
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No page in the sources that were checked shows your private details.'))
        yield '</p>\n'
    yield '<h3>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Do these first'))
    yield '</h3>\n'
    if (undefined(name='top_actions') if l_0_top_actions is missing else l_0_top_actions):
        pass
        yield '<ol class="first">\n'
        for l_1_item in (undefined(name='top_actions') if l_0_top_actions is missing else l_0_top_actions):
            _loop_vars = {}
            pass
            yield '<li>'
            def macro():
                t_16 = []
                pass
                t_16.extend((
                    '<strong>',
                    escape((environment.getattr(environment.getattr(l_1_item, 'step'), 'title') or environment.getattr(environment.getattr(l_1_item, 'step'), 'action'))),
                    '</strong>',
                ))
                return concat(t_16)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            yield context.call((undefined(name='jump') if l_0_jump is missing else l_0_jump), environment.getattr(l_1_item, 'anchor'), caller=caller, _loop_vars=_loop_vars)
            yield ' — '
            yield escape(context.call((undefined(name='pages') if l_0_pages is missing else l_0_pages), l_1_item, _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_item = missing
        yield '</ol>\n'
    elif (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'web') != 'searched'):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing can be called urgent yet: the web was not searched (see above).'))
        yield '</p>\n'
    elif environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'partial'):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing can be called urgent yet: the scan was stopped before the end (see above).'))
        yield '</p>\n'
    else:
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No urgent action: nothing private was found in the sources that were checked.'))
        yield '</p>\n'
    yield '</section>\n\n<section id="summary">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary'))
    yield '</h2>\n<p class="score"><span>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Risk score'))
    yield ': <strong class="big">'
    yield escape(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'score'))
    yield '</strong>/100</span>\n<span>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Level'))
    yield ': <strong>'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'LEVEL'), 'get'), environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'level_shown'), environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'level')))
    yield '</strong></span>\n<span>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Confidence'))
    yield ':\n'
    if (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') == 'complete'):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'complete: every source asked was checked'))
        yield '\n'
    elif (((environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') == 'reduced') and (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'unchecked') == 0)) and environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly')):
        pass
        yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'reduced: %(partly)s of %(asked)s sources only partly checked', partly=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
    elif (environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'state') == 'reduced'):
        pass
        if ((undefined(name='failed') if l_0_failed is missing else l_0_failed) > 0):
            pass
            yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'reduced: %(unchecked)s of %(asked)s sources not checked', unchecked=(undefined(name='failed') if l_0_failed is missing else l_0_failed), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'reduced'))
        if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'):
            pass
            yield '; '
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s of %(asked)s sources stopped before it finished', '%(count)s of %(asked)s sources stopped before they finished', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
        if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'):
            pass
            yield '; '
            yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(partly)s of %(asked)s sources only partly checked', partly=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'partly'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
    else:
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'none: no source could be checked'))
    yield '</span>\n<span>'
    yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s finding', '%(count)s findings', (undefined(name='total') if l_0_total is missing else l_0_total), count=(undefined(name='total') if l_0_total is missing else l_0_total)))
    if (undefined(name='total') if l_0_total is missing else l_0_total):
        pass
        yield ': '
        def t_17(fiter):
            for (l_1_sev, l_1_n) in fiter:
                if l_1_n:
                    yield (l_1_sev, l_1_n)
        l_1_loop = missing
        for (l_1_sev, l_1_n), l_1_loop in LoopContext(t_17(context.call(environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'items'))), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), l_1_sev))
            yield ' '
            yield escape(l_1_n)
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ', '
        l_1_loop = l_1_sev = l_1_n = missing
    yield '</span></p>\n'
    if (undefined(name='work_to_home') if l_0_work_to_home is missing else l_0_work_to_home):
        pass
        yield '<p class="notice"><span class="link">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Work-to-home link'))
        yield '</span>: '
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'one finding lets a stranger go from your public professional identity (registry entry, practice page) to your home address or private phone.', '%(count)s findings let a stranger go from your public professional identity (registry entry, practice page) to your home address or private phone.', (undefined(name='work_to_home') if l_0_work_to_home is missing else l_0_work_to_home), count=(undefined(name='work_to_home') if l_0_work_to_home is missing else l_0_work_to_home)))
        yield '</p>\n'
    yield '</section>\n\n'
    template = environment.get_template('_changes.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'L': l_0_L, 'failed': l_0_failed, 'jump': l_0_jump, 'org_aftercare': l_0_org_aftercare, 'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'page': l_0_page, 'pages': l_0_pages, 'quote': l_0_quote, 'sitepages': l_0_sitepages, 'stepinfo': l_0_stepinfo, 'url': l_0_url}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n<section id="plan">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Action plan'))
    if (not (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print)):
        pass
        yield ' <span class="muted">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Every step once, most urgent first. Click a step to see how to do it.'))
        yield '</span>'
    yield '</h2>\n'
    if (undefined(name='plan') if l_0_plan is missing else l_0_plan):
        pass
        if ((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation) and ((undefined(name='org_plan_at') if l_0_org_plan_at is missing else l_0_org_plan_at) < 0)):
            pass
            yield escape(context.call((undefined(name='org_plan_step') if l_0_org_plan_step is missing else l_0_org_plan_step), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
        yield '<ol class="plan">\n'
        l_1_loop = missing
        for l_1_item, l_1_loop in LoopContext((undefined(name='plan') if l_0_plan is missing else l_0_plan), undefined):
            _loop_vars = {}
            pass
            yield '<li id="'
            yield escape(environment.getattr(l_1_item, 'anchor'))
            yield '">'
            if (not (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print)):
                pass
                yield '<details'
                if environment.getattr(l_1_item, 'open'):
                    pass
                    yield ' open'
                yield '><summary>'
            if (environment.getattr(l_1_item, 'threat') and (environment.getattr(l_1_item, 'phase') == 'acting')):
                pass
                yield '<span class="tag-threat">'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'threat', _loop_vars=_loop_vars))
                yield '</span> '
            yield '<strong>'
            yield escape((environment.getattr(environment.getattr(l_1_item, 'step'), 'title') or environment.getattr(environment.getattr(l_1_item, 'step'), 'action')))
            yield '</strong>\n'
            if (environment.getattr(l_1_item, 'per_site') and environment.getattr(l_1_item, 'many_sites')):
                pass
                yield ' — '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Per site:', _loop_vars=_loop_vars))
                yield ' '
                yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s site (its finding names this step)', '%(count)s sites (each finding names this step)', environment.getattr(l_1_item, 'many_sites'), count=environment.getattr(l_1_item, 'many_sites'), _loop_vars=_loop_vars))
            elif (environment.getattr(l_1_item, 'per_site') and environment.getattr(l_1_item, 'sites')):
                pass
                yield ' — '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Per site:', _loop_vars=_loop_vars))
                yield ' '
                l_2_loop = missing
                for l_2_site, l_2_loop in LoopContext(environment.getattr(l_1_item, 'sites'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(context.call((undefined(name='sitepages') if l_0_sitepages is missing else l_0_sitepages), l_2_site, _loop_vars=_loop_vars))
                    if (environment.getattr(l_2_site, 'href') and (not environment.getattr(environment.getattr(l_1_item, 'step'), 'href'))):
                        pass
                        yield ' '
                        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_2_site, 'url'), environment.getattr(l_2_site, 'href'), _loop_vars=_loop_vars))
                    elif ((environment.getattr(environment.getattr(l_1_item, 'step'), 'method') == 'report') and environment.getattr(l_2_site, 'report_href')):
                        pass
                        yield ' '
                        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_2_site, 'report_url'), environment.getattr(l_2_site, 'report_href'), _loop_vars=_loop_vars))
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ' · '
                l_2_loop = l_2_site = missing
            else:
                pass
                yield ' — <span class="for">'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'For:', _loop_vars=_loop_vars))
                yield ' '
                yield escape(context.call((undefined(name='pages') if l_0_pages is missing else l_0_pages), l_1_item, _loop_vars=_loop_vars))
                yield '</span>'
            if (not (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print)):
                pass
                yield '</summary>'
            yield '<p class="how">'
            yield escape(context.call((undefined(name='stepinfo') if l_0_stepinfo is missing else l_0_stepinfo), environment.getattr(l_1_item, 'step'), _loop_vars=_loop_vars))
            if ((environment.getattr(environment.getattr(l_1_item, 'step'), 'method') == 'report') and environment.getattr(l_1_item, 'per_site')):
                pass
                yield ' '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Use the “report” button or menu on the post; otherwise the site’s contact or abuse page, usually linked at the foot of the page.', _loop_vars=_loop_vars))
            if ((environment.getattr(l_1_item, 'per_site') and environment.getattr(l_1_item, 'counted')) and (not environment.getattr(l_1_item, 'many'))):
                pass
                yield '<br><span class="for">'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'For:', _loop_vars=_loop_vars))
                yield ' '
                l_2_loop = missing
                for l_2_site, l_2_loop in LoopContext(environment.getattr(l_1_item, 'sites'), undefined):
                    _loop_vars = {}
                    pass
                    l_3_loop = missing
                    for l_3_x, l_3_loop in LoopContext(environment.getattr(l_2_site, 'pages'), undefined):
                        _loop_vars = {}
                        pass
                        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), l_3_x, _loop_vars=_loop_vars))
                        if (not environment.getattr(l_3_loop, 'last')):
                            pass
                            yield '; '
                    l_3_loop = l_3_x = missing
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield '; '
                l_2_loop = l_2_site = missing
                yield '</span>'
            yield '</p>'
            if (not (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print)):
                pass
                yield '</details>'
            if ((undefined(name='organisation') if l_0_organisation is missing else l_0_organisation) and (environment.getattr(l_1_loop, 'index0') == (undefined(name='org_plan_at') if l_0_org_plan_at is missing else l_0_org_plan_at))):
                pass
                yield escape(context.call((undefined(name='org_plan_step') if l_0_org_plan_step is missing else l_0_org_plan_step), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation), _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_loop = l_1_item = missing
        yield '</ol>\n'
    else:
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing to remove: no private details were found in the sources that were checked.'))
        yield '</p>\n'
    yield '</section>\n\n<section id="findings">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Findings'))
    yield '</h2>\n'
    if (not (undefined(name='groups') if l_0_groups is missing else l_0_groups)):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No findings in the sources that were checked.'))
        yield '</p>'
    l_1_loop = missing
    for l_1_group, l_1_loop in LoopContext((undefined(name='groups') if l_0_groups is missing else l_0_groups), undefined):
        _loop_vars = {}
        pass
        if (environment.getattr(l_1_group, 'severity') == 'info'):
            pass
            if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
                pass
                yield '<div class="finding info"><h4><span class="badge sev-info">'
                yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), 'info'))
                yield '</span> ('
                yield escape(t_2(environment.getattr(l_1_group, 'findings')))
                yield ')</h4>\n'
            else:
                pass
                yield '<details class="finding info"><summary><span class="badge sev-info">'
                yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), 'info'))
                yield '</span> ('
                yield escape(t_2(environment.getattr(l_1_group, 'findings')))
                yield ') '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'nothing private, click for details:', _loop_vars=_loop_vars))
                yield ' '
                l_2_loop = missing
                for l_2_f, l_2_loop in LoopContext(environment.getattr(l_1_group, 'findings'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(((environment.getattr(l_2_f, 'site') or environment.getattr(l_2_f, 'host')) or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars)))
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ' · '
                l_2_loop = l_2_f = missing
                yield '</summary>'
            l_2_loop = missing
            for l_2_f, l_2_loop in LoopContext(environment.getattr(l_1_group, 'findings'), undefined):
                _loop_vars = {}
                pass
                yield '<p id="f-'
                yield escape(environment.getattr(l_2_f, 'id'))
                yield '"><strong>'
                yield escape(((environment.getattr(l_2_f, 'site') or environment.getattr(l_2_f, 'host')) or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars)))
                yield '</strong> · '
                yield escape(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'KIND'), 'get'), environment.getattr(l_2_f, 'source_kind'), environment.getattr(l_2_f, 'source_kind'), _loop_vars=_loop_vars))
                if environment.getattr(l_2_f, 'title'):
                    pass
                    yield ' · '
                    yield escape(environment.getattr(l_2_f, 'title'))
                yield '<br>'
                yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_2_f, 'url'), environment.getattr(l_2_f, 'href'), _loop_vars=_loop_vars))
                yield '<br>\n<span class="muted">'
                l_3_loop = missing
                for l_3_m, l_3_loop in LoopContext(environment.getattr(l_2_f, 'matches'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'FIELD'), 'get'), environment.getattr(l_3_m, 'field'), environment.getattr(l_3_m, 'field'), _loop_vars=_loop_vars))
                    if environment.getattr(l_3_m, 'label'):
                        pass
                        yield ' ('
                        yield escape(environment.getattr(l_3_m, 'label'))
                        yield ')'
                    yield ': '
                    yield escape(environment.getattr(l_3_m, 'observed'))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' · '
                l_3_loop = l_3_m = missing
                yield '</span>\n'
                for l_3_r in environment.getattr(l_2_f, 'rules'):
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_3_r, 'why'):
                        pass
                        yield '<br>'
                        yield escape(environment.getattr(l_3_r, 'why'))
                l_3_r = missing
                yield '</p>\n'
            l_2_loop = l_2_f = missing
            if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
                pass
                yield '</div>'
            else:
                pass
                yield '</details>'
        else:
            pass
            l_2_loop = missing
            for l_2_f, l_2_loop in LoopContext(environment.getattr(l_1_group, 'findings'), undefined):
                _loop_vars = {}
                pass
                yield '<article class="finding '
                yield escape(environment.getattr(l_2_f, 'severity'))
                yield '" id="f-'
                yield escape(environment.getattr(l_2_f, 'id'))
                yield '">\n<h4><span class="badge sev-'
                yield escape(environment.getattr(l_2_f, 'severity'))
                yield '">'
                yield escape(environment.getitem(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'SEVERITY'), environment.getattr(l_2_f, 'severity')))
                yield '</span> '
                if environment.getattr(l_2_f, 'threat'):
                    pass
                    yield '<span class="tag-threat">'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'threat', _loop_vars=_loop_vars))
                    yield '</span> '
                yield escape(((environment.getattr(l_2_f, 'site') or environment.getattr(l_2_f, 'host')) or context.call((undefined(name='_') if l_0__ is missing else l_0__), 'unknown site', _loop_vars=_loop_vars)))
                if environment.getattr(l_2_f, 'title'):
                    pass
                    yield ' · '
                    yield escape(environment.getattr(l_2_f, 'title'))
                yield ' <span class="muted">· '
                yield escape(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'KIND'), 'get'), environment.getattr(l_2_f, 'source_kind'), environment.getattr(l_2_f, 'source_kind'), _loop_vars=_loop_vars))
                yield ' · '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'score', _loop_vars=_loop_vars))
                yield ' '
                yield escape(environment.getattr(l_2_f, 'score'))
                yield '</span></h4>\n<p class="muted">'
                yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_2_f, 'url'), environment.getattr(l_2_f, 'href'), _loop_vars=_loop_vars))
                yield ' · '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Seen', _loop_vars=_loop_vars))
                yield ' '
                yield escape(environment.getattr(l_2_f, 'seen_at'))
                yield ' · '
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'found by', _loop_vars=_loop_vars))
                yield ' '
                yield escape(environment.getattr(l_2_f, 'provider'))
                if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
                    pass
                    yield ' · <code>'
                    yield escape(environment.getattr(l_2_f, 'id'))
                    yield '</code>'
                    if environment.getattr(l_2_f, 'body_sha256'):
                        pass
                        yield ' · SHA-256 <code>'
                        yield escape(environment.getattr(l_2_f, 'body_sha256'))
                        yield '</code>'
                yield '</p>\n'
                t_18 = 1
                for l_3_p in environment.getattr(l_2_f, 'passages'):
                    _loop_vars = {}
                    pass
                    yield escape(context.call((undefined(name='quote') if l_0_quote is missing else l_0_quote), l_3_p, _loop_vars=_loop_vars))
                    yield '\n'
                    t_18 = 0
                l_3_p = missing
                if t_18:
                    pass
                    if environment.getattr(l_2_f, 'structured'):
                        pass
                        yield '<p class="muted">'
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Found in the page's structured data (JSON-LD or microdata): the fields below."))
                        yield '</p>'
                    elif environment.getattr(l_2_f, 'snippet'):
                        pass
                        yield '<blockquote>'
                        yield escape(environment.getattr(l_2_f, 'snippet'))
                        yield '</blockquote>'
                yield '<p class="matches">'
                l_3_loop = missing
                for l_3_m, l_3_loop in LoopContext(environment.getattr(l_2_f, 'matches'), undefined):
                    _loop_vars = {}
                    pass
                    yield '<strong>'
                    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'FIELD'), 'get'), environment.getattr(l_3_m, 'field'), environment.getattr(l_3_m, 'field'), _loop_vars=_loop_vars))
                    if environment.getattr(l_3_m, 'label'):
                        pass
                        yield ' ('
                        yield escape(environment.getattr(l_3_m, 'label'))
                        yield ')'
                    if environment.getattr(l_3_m, 'private'):
                        pass
                        yield ' · '
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'private', _loop_vars=_loop_vars))
                    yield '</strong>: '
                    yield escape(environment.getattr(l_3_m, 'observed'))
                    yield ' <span class="muted">('
                    yield escape(environment.getattr(l_3_m, 'confidence'))
                    yield '/100: '
                    yield escape(environment.getattr(l_3_m, 'reason'))
                    yield ')</span>'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield '<br>'
                l_3_loop = l_3_m = missing
                yield '</p>\n'
                if (environment.getattr(l_2_f, 'work_to_home') and ('work-to-home-link' not in t_3(context, environment.getattr(l_2_f, 'rules'), attribute='id'))):
                    pass
                    yield '<p><span class="link">'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Work-to-home link', _loop_vars=_loop_vars))
                    yield '</span>: '
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'from your professional identity a stranger can get from this page to your home address or private phone.', _loop_vars=_loop_vars))
                    yield '</p>'
                yield '<p><strong>'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What to do', _loop_vars=_loop_vars))
                yield ':</strong>\n'
                if environment.getattr(l_2_f, 'plan_steps'):
                    pass
                    yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'step', 'steps', t_2(environment.getattr(l_2_f, 'plan_steps')), count=t_2(environment.getattr(l_2_f, 'plan_steps')), _loop_vars=_loop_vars))
                    yield ' '
                    l_3_loop = missing
                    for l_3_n, l_3_loop in LoopContext(environment.getattr(l_2_f, 'plan_steps'), undefined):
                        _loop_vars = {}
                        pass
                        def macro():
                            t_19 = []
                            pass
                            t_19.append(
                                escape(l_3_n),
                            )
                            return concat(t_19)
                        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                        yield context.call((undefined(name='jump') if l_0_jump is missing else l_0_jump), markup_join(('step-', l_3_n, )), caller=caller, _loop_vars=_loop_vars)
                        if (not environment.getattr(l_3_loop, 'last')):
                            pass
                            yield ', '
                    l_3_loop = l_3_n = missing
                    yield ' '
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'of the action plan', _loop_vars=_loop_vars))
                    yield '.\n'
                else:
                    pass
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Ask the site owner to remove your details.', _loop_vars=_loop_vars))
                if environment.getattr(l_2_f, 'rules'):
                    pass
                    yield '<strong>'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Why this matters', _loop_vars=_loop_vars))
                    yield ':</strong> '
                    for l_3_r in environment.getattr(l_2_f, 'rules'):
                        _loop_vars = {}
                        pass
                        if environment.getattr(l_3_r, 'why'):
                            pass
                            yield escape(environment.getattr(l_3_r, 'why'))
                            yield ' '
                    l_3_r = missing
                yield '</p>\n</article>\n'
            l_2_loop = l_2_f = missing
    l_1_loop = l_1_group = missing
    yield '</section>\n\n'
    template = environment.get_template('_household.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'L': l_0_L, 'failed': l_0_failed, 'jump': l_0_jump, 'org_aftercare': l_0_org_aftercare, 'org_happens': l_0_org_happens, 'org_plan_step': l_0_org_plan_step, 'page': l_0_page, 'pages': l_0_pages, 'quote': l_0_quote, 'sitepages': l_0_sitepages, 'stepinfo': l_0_stepinfo, 'url': l_0_url}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n<section id="coverage">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Coverage: what was checked'))
    yield '</h2>\n'
    if environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'partial'):
        pass
        yield '<p class="alert">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'PARTIAL SCAN: this picture is incomplete.'))
        yield '</p>'
    yield '<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'A source that was not checked is not clear: your details may be there.'))
    yield '</p>\n'
    if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'):
        pass
        yield '<p class="notice">'
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(count)s of %(asked)s sources was interrupted: the scan stopped before it finished. What it found so far is in this report; what it had not yet checked is unknown (see Coverage).', '%(count)s of %(asked)s sources were interrupted: the scan stopped before they finished. What they found so far is in this report; what they had not yet checked is unknown (see Coverage).', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'interrupted'), asked=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'asked')))
        yield '</p>'
    if environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'not_configured'):
        pass
        yield '<p class="notice">'
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'One source needs a key or address you have not set. It is listed as not configured, not counted as unchecked; its row says how to set it up or check it by hand.', '%(count)s sources need a key or address you have not set. They are listed as not configured, not counted as unchecked; each row says how to set it up or check it by hand.', environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'not_configured'), count=environment.getattr((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence), 'not_configured')))
        yield '</p>'
    yield '<div class="table-wrap"><table>\n<tr><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Source'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Status'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Results'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Reason / not checked parts'))
    yield '</th></tr>\n'
    t_20 = 1
    for l_1_r in (undefined(name='runs') if l_0_runs is missing else l_0_runs):
        _loop_vars = {}
        pass
        yield '<tr'
        if (environment.getattr(l_1_r, 'status') in ('unchecked', 'interrupted')):
            pass
            yield ' class="unchecked"'
        yield '><td>'
        yield escape(environment.getattr(l_1_r, 'title'))
        yield '</td><td>'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'STATUS'), 'get'), environment.getattr(l_1_r, 'status'), environment.getattr(l_1_r, 'status'), _loop_vars=_loop_vars))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'observations'))
        yield '</td>\n<td>'
        yield escape(environment.getattr(l_1_r, 'reason'))
        if environment.getattr(l_1_r, 'manual_check'):
            pass
            yield '<br>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Or check it by hand:', _loop_vars=_loop_vars))
            yield ' '
            yield escape(environment.getattr(l_1_r, 'manual_check'))
        if environment.getattr(l_1_r, 'unchecked_parts'):
            pass
            yield '<br>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not checked:', _loop_vars=_loop_vars))
            yield ' '
            yield escape(t_1(context.eval_ctx, environment.getattr(l_1_r, 'unchecked_parts'), ', '))
        yield '</td></tr>\n'
        t_20 = 0
    l_1_r = missing
    if t_20:
        pass
        yield '<tr><td colspan="4">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No source was asked.'))
        yield '</td></tr>\n'
    yield '</table></div>\n</section>\n\n<section id="ledger">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Query ledger: what was sent out'))
    yield '</h2>\n<p>'
    yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), '%(n)s requests. Which profile fields each request used is listed; the values themselves are not.', n=(undefined(name='ledger_total') if l_0_ledger_total is missing else l_0_ledger_total)))
    yield '</p>\n<div class="table-wrap"><table>\n<tr><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Source'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Host'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Fields sent'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Requests'))
    yield '</th><th>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'HTTP status'))
    yield '</th></tr>\n'
    t_21 = 1
    for l_1_e in (undefined(name='ledger') if l_0_ledger is missing else l_0_ledger):
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(environment.getattr(l_1_e, 'provider'))
        yield '</td><td><code>'
        yield escape(environment.getattr(l_1_e, 'host'))
        yield '</code></td><td>'
        yield escape((t_1(context.eval_ctx, environment.getattr(l_1_e, 'fields'), ', ') or '—'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_e, 'count'))
        yield '</td><td>'
        yield escape(t_1(context.eval_ctx, environment.getattr(l_1_e, 'statuses'), ', '))
        yield '</td></tr>\n'
        t_21 = 0
    l_1_e = missing
    if t_21:
        pass
        yield '<tr><td colspan="5">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No requests were sent.'))
        yield '</td></tr>\n'
    yield '</table></div>\n</section>\n\n<section id="if-it-happens">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'If it happens: someone posts your details'))
    yield '</h2>\n<ul>\n'
    if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
        pass
        yield escape(context.call((undefined(name='org_happens') if l_0_org_happens is missing else l_0_org_happens), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
        yield '\n'
    if ((undefined(name='country') if l_0_country is missing else l_0_country) == 'UK'):
        pass
        yield '<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'If you are in danger now, call 999. Otherwise report it to the police on 101 (or online). Say that it concerns you in your work as a care provider.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Keep evidence before anything is removed: screenshots that show the address (URL), date and time; the links; messages as originals. Keep it all in one place.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Report the post to the platform as doxing (sharing private information).'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Tell your employer or practice: they can help protect you at work, for example by handling calls and mail about you.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "If a site does not remove your personal data when you ask (UK GDPR), you can complain to the Information Commissioner's Office (ICO):"))
        yield ' <a href="https://ico.org.uk/make-a-complaint/" rel="noopener noreferrer">ico.org.uk</a>.</li>\n'
    elif ((undefined(name='country') if l_0_country is missing else l_0_country) == 'US'):
        pass
        yield '<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'If you are in danger now, call 911. Otherwise report it to your local police. Say that it concerns you in your work as a care provider.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Keep evidence before anything is removed: screenshots that show the address (URL), date and time; the links; messages as originals. Keep it all in one place.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Report the post to the platform as doxing (sharing private information).'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Tell your employer or practice: they can help protect you at work, for example by handling calls and mail about you.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Most states have an address confidentiality program (ACP): a substitute address with mail forwarding, mainly for survivors of domestic violence, sexual assault or stalking. California's Safe at Home also covers reproductive-health-care workers. Search for “address confidentiality program” and your state."))
        yield '</li>\n'
    else:
        pass
        yield '<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "In the Netherlands doxing is a criminal offence since 1 January 2024 (Article 285d of the Criminal Code): spreading someone's personal details to frighten them, seriously bother them or hinder them in their work."))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Keep evidence before anything is removed: screenshots that show the address (URL), date and time; the links; messages as originals. Keep it all in one place.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Report it to the police (aangifte; appointment via 0900-8844). Say that it concerns you in your work as a care provider.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Tell your employer or practice: employers must have a policy against psychosocial risks such as doxing, and the Handelingskader doxing is written for them.'))
        yield '</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Get help removing it: HelpWanted (part of Offlimits) is free and anonymous: 020-261 52 75,'))
        yield ' <a href="https://www.helpwanted.nl/'
        yield escape(('' if ((undefined(name='lang') if l_0_lang is missing else l_0_lang) == 'nl') else 'en'))
        yield '" rel="noopener noreferrer">helpwanted.nl</a>.</li>\n<li>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The Autoriteit Persoonsgegevens can have a publication removed; you can file a complaint with it.'))
        yield '</li>\n'
    yield '</ul>\n</section>\n\n'
    if (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation):
        pass
        yield escape(context.call((undefined(name='org_aftercare') if l_0_org_aftercare is missing else l_0_org_aftercare), (undefined(name='organisation') if l_0_organisation is missing else l_0_organisation)))
        yield '\n'
    yield '<section id="evidence">\n<h2>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Evidence appendix'))
    yield '</h2>\n'
    if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Each finding above gives its address (URL), when it was seen, its code and the page's fingerprint (SHA-256): together they are the evidence record."))
        yield '</p>\n'
    else:
        pass
        yield '<div class="table-wrap"><table>\n<tr><th>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Finding'))
        yield '</th><th>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Address (URL)'))
        yield '</th><th>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Seen'))
        yield '</th><th>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Page fingerprint (SHA-256)'))
        yield '</th></tr>\n'
        t_22 = 1
        for l_1_e in (undefined(name='evidence') if l_0_evidence is missing else l_0_evidence):
            _loop_vars = {}
            pass
            yield '<tr><td><code>'
            yield escape(environment.getattr(l_1_e, 'id'))
            yield '</code></td><td>'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_e, 'url'), environment.getattr(l_1_e, 'href'), _loop_vars=_loop_vars))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_e, 'seen_at'))
            yield '</td><td><code>'
            yield escape((environment.getattr(l_1_e, 'body_sha256') or '—'))
            yield '</code></td></tr>\n'
            t_22 = 0
        l_1_e = missing
        if t_22:
            pass
            yield '<tr><td colspan="4">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No findings.'))
            yield '</td></tr>\n'
        yield '</table></div>\n'
    yield '</section>\n<footer class="muted"><p>exposure-scan '
    yield escape(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'tool_version'))
    yield ' · schema '
    yield escape(environment.getattr((undefined(name='result') if l_0_result is missing else l_0_result), 'schema_version'))
    yield '</p></footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '1=74&2=76&4=89&10=91&66=93&68=95&69=97&87=99&88=106&90=125&91=133&92=138&93=139&94=142&95=145&96=151&97=154&98=157&102=167&103=172&105=189&106=194&108=206&109=211&111=239&112=246&114=265&115=273&118=296&119=298&122=310&123=313&124=316&126=318&127=321&128=323&129=326&131=328&132=330&133=333&135=338&136=341&141=349&142=351&143=354&145=358&147=361&148=365&150=395&153=404&155=407&156=409&158=412&161=432&162=435&163=437&164=440&166=445&171=448&172=450&173=454&174=458&175=460&176=464&177=467&178=485&180=487&181=507&182=510&186=515&189=522&190=529&191=531&193=536&194=540&195=557&196=563&197=588&198=596&199=601&200=628&204=637&209=640&210=642&211=648&212=651&213=653&214=663&215=680&216=684&217=697&218=713&220=723&222=732&223=736&224=740&225=761&226=782&227=791&229=803&230=829&231=837&232=839&233=865&234=866&241=883&244=890&245=892&246=898&247=900&248=905&250=911&251=920&252=924&253=934&255=953&261=956&262=958&264=960&265=971&266=975&268=990&274=993&276=995&277=999&278=1002&279=1004&280=1006&281=1008&282=1010&283=1012&284=1015&285=1017&286=1019&287=1021&288=1023&290=1028&291=1030&292=1032&293=1034&294=1036&295=1040&300=1043&303=1048&304=1050&305=1053&308=1058&309=1067&310=1071&312=1084&317=1088'