# Generated from reports/templates/_changes.html.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '1b84e1cc93fe7c0da3d49875bd58c5ba4fa47758a14e569c605548a0d65127dc'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_changes.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_changes = resolve('changes')
    l_0__ = resolve('_')
    l_0_TITLES = resolve('TITLES')
    l_0_link = resolve('link')
    l_0_markinfo = resolve('markinfo')
    l_0_gettext = resolve('gettext')
    l_0_c = resolve('c')
    l_0_for_print = resolve('for_print')
    l_0_CL = missing
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
    pass
    l_0_CL = context.vars['CL'] = environment.get_template('_labels.j2', '_changes.html.j2')._get_default_module(context)
    context.exported_vars.discard('CL')
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        l_0_TITLES = {'new': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'New since last scan'), 'back': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Back again'), 'gone': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Gone since last scan'), 'not_rechecked': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not re-checked'), 'still': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Still there')}
        context.vars['TITLES'] = l_0_TITLES
        context.exported_vars.add('TITLES')
        def macro(l_1_i):
            t_3 = []
            if l_1_i is missing:
                l_1_i = undefined("parameter 'i' was not provided", name='i')
            pass
            if environment.getattr(l_1_i, 'href'):
                pass
                t_3.extend((
                    '<a class="url" href="',
                    escape(environment.getattr(l_1_i, 'href')),
                    '" rel="noopener noreferrer nofollow">',
                    escape(environment.getattr(l_1_i, 'url')),
                    '</a>',
                ))
            elif environment.getattr(l_1_i, 'url'):
                pass
                t_3.extend((
                    '<code>',
                    escape(environment.getattr(l_1_i, 'url')),
                    '</code>',
                ))
            return concat(t_3)
        context.exported_vars.add('link')
        context.vars['link'] = l_0_link = Macro(environment, macro, 'link', ('i',), False, False, False, context.eval_ctx.autoescape)
        def macro(l_1_m):
            t_4 = []
            if l_1_m is missing:
                l_1_m = undefined("parameter 'm' was not provided", name='m')
            pass
            if (environment.getattr(l_1_m, 'status') == 'requested'):
                pass
                if environment.getattr(l_1_m, 'removed_on'):
                    pass
                    t_4.append(
                        '<strong>',
                    )
                    t_4.append(
                        escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'removed (confirmed on %(day)s)', day=environment.getattr(l_1_m, 'removed_on'))),
                    )
                    t_4.append(
                        '</strong>',
                    )
                elif environment.getattr(l_1_m, 'overdue'):
                    pass
                    t_4.append(
                        '<strong class="link">',
                    )
                    t_4.append(
                        escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'deadline passed on %(day)s: escalate', day=environment.getattr(l_1_m, 'deadline'))),
                    )
                    t_4.append(
                        '</strong>',
                    )
                else:
                    pass
                    t_4.append(
                        escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'removal requested on %(on)s; deadline %(day)s', on=environment.getattr(l_1_m, 'on'), day=environment.getattr(l_1_m, 'deadline'))),
                    )
            elif (environment.getattr(l_1_m, 'status') == 'not_me'):
                pass
                t_4.append(
                    escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'marked: not me')),
                )
            else:
                pass
                t_4.append(
                    escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'marked: ignored')),
                )
            if environment.getattr(l_1_m, 'note'):
                pass
                t_4.extend((
                    ' · ',
                    escape(environment.getattr(l_1_m, 'note')),
                ))
            return concat(t_4)
        context.exported_vars.add('markinfo')
        context.vars['markinfo'] = l_0_markinfo = Macro(environment, macro, 'markinfo', ('m',), False, False, False, context.eval_ctx.autoescape)
        yield '<section id="changes">\n<h2>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Since the last scan'))
        yield '</h2>\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'first'):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This is the first scan in the history: everything found is new. The next scan will say what changed.'))
            yield '</p>\n'
        else:
            pass
            yield '<p class="muted">'
            yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'Compared with the scan of %(day)s.', day=environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'previous_at')))
            yield '</p>\n<ul>\n'
            for l_1_s in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'sections'):
                _loop_vars = {}
                pass
                yield '<li>'
                if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
                    pass
                    yield escape(environment.getitem((undefined(name='TITLES') if l_0_TITLES is missing else l_0_TITLES), environment.getattr(l_1_s, 'kind')))
                else:
                    pass
                    yield '<a href="#changes-'
                    yield escape(environment.getattr(l_1_s, 'kind'))
                    yield '">'
                    yield escape(environment.getitem((undefined(name='TITLES') if l_0_TITLES is missing else l_0_TITLES), environment.getattr(l_1_s, 'kind')))
                    yield '</a>'
                yield ': '
                yield escape(t_2(environment.getitem(l_1_s, 'items')))
                yield '</li>\n'
            l_1_s = missing
            yield '</ul>\n'
            for l_1_s in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'sections'):
                _loop_vars = {}
                pass
                yield '<h3 id="changes-'
                yield escape(environment.getattr(l_1_s, 'kind'))
                yield '">'
                yield escape(environment.getitem((undefined(name='TITLES') if l_0_TITLES is missing else l_0_TITLES), environment.getattr(l_1_s, 'kind')))
                yield ' ('
                yield escape(t_2(environment.getitem(l_1_s, 'items')))
                yield ')</h3>\n'
                if (environment.getattr(l_1_s, 'kind') == 'not_rechecked'):
                    pass
                    yield '<p class="muted">'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Their source could not be checked this time: they may still be there. They are not counted as gone.', _loop_vars=_loop_vars))
                    yield '</p>'
                if environment.getitem(l_1_s, 'items'):
                    pass
                    yield '<div class="table-wrap"><table>\n<tr><th>'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Severity', _loop_vars=_loop_vars))
                    yield '</th><th>'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Where', _loop_vars=_loop_vars))
                    yield '</th><th>'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What it shows', _loop_vars=_loop_vars))
                    yield '</th><th>'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'First seen', _loop_vars=_loop_vars))
                    yield '</th></tr>\n'
                    for l_2_i in environment.getitem(l_1_s, 'items'):
                        _loop_vars = {}
                        pass
                        yield '<tr><td><span class="badge sev-'
                        yield escape(environment.getattr(l_2_i, 'severity'))
                        yield '">'
                        yield escape(environment.getitem(environment.getattr((undefined(name='CL') if l_0_CL is missing else l_0_CL), 'SEVERITY'), environment.getattr(l_2_i, 'severity')))
                        yield '</span></td>\n<td>'
                        if ((environment.getattr(l_1_s, 'kind') in ('new', 'back', 'still')) and (not (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print))):
                            pass
                            yield '<a href="#f-'
                            yield escape(environment.getattr(l_2_i, 'id'))
                            yield '">'
                            yield escape(environment.getattr(l_2_i, 'host'))
                            yield '</a>'
                        else:
                            pass
                            yield escape(environment.getattr(l_2_i, 'host'))
                        yield '<br>'
                        yield escape(context.call((undefined(name='link') if l_0_link is missing else l_0_link), l_2_i, _loop_vars=_loop_vars))
                        if environment.getattr(l_2_i, 'mark'):
                            pass
                            yield '<br>'
                            yield escape(context.call((undefined(name='markinfo') if l_0_markinfo is missing else l_0_markinfo), environment.getattr(l_2_i, 'mark'), _loop_vars=_loop_vars))
                        yield '</td>\n<td>'
                        yield escape(t_1(context.eval_ctx, environment.getattr(l_2_i, 'fields'), ', '))
                        yield '</td><td>'
                        yield escape(environment.getattr(l_2_i, 'first_seen'))
                        yield '</td></tr>\n'
                    l_2_i = missing
                    yield '</table></div>\n'
            l_1_s = missing
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'removals'):
            pass
            yield '<h3 id="removals">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Removal requests'))
            yield '</h3>\n<div class="table-wrap"><table>\n<tr><th>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Where'))
            yield '</th><th>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Status'))
            yield '</th><th>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Finding'))
            yield '</th></tr>\n'
            for l_1_i in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'removals'):
                _loop_vars = {}
                pass
                yield '<tr><td>'
                yield escape(environment.getattr(l_1_i, 'host'))
                yield '<br>'
                yield escape(context.call((undefined(name='link') if l_0_link is missing else l_0_link), l_1_i, _loop_vars=_loop_vars))
                yield '</td><td>'
                yield escape(context.call((undefined(name='markinfo') if l_0_markinfo is missing else l_0_markinfo), environment.getattr(l_1_i, 'mark'), _loop_vars=_loop_vars))
                yield '</td><td><code>'
                yield escape(environment.getattr(l_1_i, 'id'))
                yield '</code></td></tr>\n'
            l_1_i = missing
            yield '</table></div>\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'chart'):
            pass
            l_0_c = environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'chart')
            context.vars['c'] = l_0_c
            context.exported_vars.add('c')
            yield '<h3>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Over time'))
            yield '</h3>\n<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 '
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'w'))
            yield ' '
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'h'))
            yield '" role="img" aria-label="'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Risk score and number of high or critical findings per scan'))
            yield '">\n<line x1="'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'pad'))
            yield '" y1="'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'base'))
            yield '" x2="'
            yield escape((environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'w') - environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'pad')))
            yield '" y2="'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'base'))
            yield '" stroke="#999" stroke-width="1"/>\n'
            for l_1_b in environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'bars'):
                _loop_vars = {}
                pass
                yield '<rect x="'
                yield escape(environment.getattr(l_1_b, 'x'))
                yield '" y="'
                yield escape(environment.getattr(l_1_b, 'y'))
                yield '" width="8" height="'
                yield escape(environment.getattr(l_1_b, 'h'))
                yield '" fill="#c0392b" opacity="0.5"><title>'
                yield escape(environment.getattr(l_1_b, 'n'))
                yield '</title></rect>\n'
            l_1_b = missing
            yield '<polyline points="'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'points'))
            yield '" fill="none" stroke="#0b5394" stroke-width="2"/>\n<text x="'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'pad'))
            yield '" y="'
            yield escape((environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'h') - 6))
            yield '" font-size="10" fill="#555">'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'first'))
            yield '</text>\n<text x="'
            yield escape((environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'w') - environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'pad')))
            yield '" y="'
            yield escape((environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'h') - 6))
            yield '" font-size="10" fill="#555" text-anchor="end">'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'last'))
            yield '</text>\n<text x="'
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'pad'))
            yield '" y="12" font-size="10" fill="#0b5394">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'line: risk score (0-100)'))
            yield '</text>\n<text x="'
            yield escape((environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'w') - environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'pad')))
            yield '" y="12" font-size="10" fill="#c0392b" text-anchor="end">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'bars: high and critical findings'))
            yield '</text>\n</svg>\n<div class="table-wrap"><table>\n<tr><th>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Date'))
            yield '</th><th>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Risk score'))
            yield '</th><th>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'High and critical'))
            yield '</th></tr>\n'
            for l_1_p in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'trend'):
                _loop_vars = {}
                pass
                yield '<tr><td>'
                yield escape(environment.getattr(l_1_p, 'at'))
                yield '</td><td>'
                yield escape(environment.getattr(l_1_p, 'score'))
                yield '</td><td>'
                yield escape(environment.getattr(l_1_p, 'urgent'))
                yield '</td></tr>\n'
            l_1_p = missing
            yield '</table></div>\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'set_aside'):
            pass
            yield '<details id="set-aside"'
            if (undefined(name='for_print') if l_0_for_print is missing else l_0_for_print):
                pass
                yield ' open'
            yield '>\n<summary>'
            yield escape(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'Marked not me or ignored (%(n)s): not counted in the score', n=t_2(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'set_aside'))))
            yield '</summary>\n<div class="table-wrap"><table>\n'
            for l_1_i in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'set_aside'):
                _loop_vars = {}
                pass
                yield '<tr><td><span class="badge sev-'
                yield escape(environment.getattr(l_1_i, 'severity'))
                yield '">'
                yield escape(environment.getitem(environment.getattr((undefined(name='CL') if l_0_CL is missing else l_0_CL), 'SEVERITY'), environment.getattr(l_1_i, 'severity')))
                yield '</span></td><td>'
                yield escape(environment.getattr(l_1_i, 'host'))
                yield '<br>'
                yield escape(context.call((undefined(name='link') if l_0_link is missing else l_0_link), l_1_i, _loop_vars=_loop_vars))
                yield '</td><td>'
                yield escape(t_1(context.eval_ctx, environment.getattr(l_1_i, 'fields'), ', '))
                yield '</td><td>'
                yield escape(context.call((undefined(name='markinfo') if l_0_markinfo is missing else l_0_markinfo), environment.getattr(l_1_i, 'mark'), _loop_vars=_loop_vars))
                yield '</td></tr>\n'
            l_1_i = missing
            yield '</table></div>\n</details>\n'
        yield '</section>\n'

blocks = {}
debug_info = '2=32&3=34&4=36&8=39&9=44&11=63&12=68&15=117&16=119&17=122&19=127&21=129&24=148&25=152&26=158&27=163&29=166&30=174&31=178&32=182&33=199&39=206&40=209&42=211&43=217&44=221&48=231&49=233&50=237&51=239&52=245&53=253&55=267&56=269&57=275&58=281&59=285&62=289&63=295&67=307&68=310&69=314&71=316&72=320'