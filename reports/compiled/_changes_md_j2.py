# Generated from reports/templates/_changes.md.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '791f95e4cb3867fa21e24b94ef1a04ff5405f00ea3d45f950a070711a2369e5a'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_changes.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_changes = resolve('changes')
    l_0__ = resolve('_')
    l_0_TITLES = resolve('TITLES')
    l_0_markinfo = resolve('markinfo')
    l_0_gettext = resolve('gettext')
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
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['mdurl']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'mdurl' found.")
    pass
    l_0_CL = context.vars['CL'] = environment.get_template('_labels.j2', '_changes.md.j2')._get_default_module(context)
    context.exported_vars.discard('CL')
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        l_0_TITLES = {'new': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'New since last scan'), 'back': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Back again'), 'gone': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Gone since last scan'), 'not_rechecked': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not re-checked'), 'still': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Still there')}
        context.vars['TITLES'] = l_0_TITLES
        context.exported_vars.add('TITLES')
        def macro(l_1_m):
            t_5 = []
            if l_1_m is missing:
                l_1_m = undefined("parameter 'm' was not provided", name='m')
            pass
            if (environment.getattr(l_1_m, 'status') == 'requested'):
                pass
                if environment.getattr(l_1_m, 'removed_on'):
                    pass
                    t_5.append(
                        '**',
                    )
                    t_5.append(
                        str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'removed (confirmed on %(day)s)', day=environment.getattr(l_1_m, 'removed_on'))),
                    )
                    t_5.append(
                        '**',
                    )
                elif environment.getattr(l_1_m, 'overdue'):
                    pass
                    t_5.append(
                        '**',
                    )
                    t_5.append(
                        str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'deadline passed on %(day)s: escalate', day=environment.getattr(l_1_m, 'deadline'))),
                    )
                    t_5.append(
                        '**',
                    )
                else:
                    pass
                    t_5.append(
                        str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'removal requested on %(on)s; deadline %(day)s', on=environment.getattr(l_1_m, 'on'), day=environment.getattr(l_1_m, 'deadline'))),
                    )
            elif (environment.getattr(l_1_m, 'status') == 'not_me'):
                pass
                t_5.append(
                    str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'marked: not me')),
                )
            else:
                pass
                t_5.append(
                    str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'marked: ignored')),
                )
            if environment.getattr(l_1_m, 'note'):
                pass
                t_5.extend((
                    ' · ',
                    str(t_3(environment.getattr(l_1_m, 'note'))),
                ))
            return concat(t_5)
        context.exported_vars.add('markinfo')
        context.vars['markinfo'] = l_0_markinfo = Macro(environment, macro, 'markinfo', ('m',), False, False, False, context.eval_ctx.autoescape)
        yield '## '
        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Since the last scan'))
        yield '\n\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'first'):
            pass
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This is the first scan in the history: everything found is new. The next scan will say what changed.'))
            yield '\n\n'
        else:
            pass
            yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'Compared with the scan of %(day)s.', day=environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'previous_at')))
            yield '\n\n'
            for l_1_s in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'sections'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.getitem((undefined(name='TITLES') if l_0_TITLES is missing else l_0_TITLES), environment.getattr(l_1_s, 'kind')))
                yield ': '
                yield str(t_2(environment.getitem(l_1_s, 'items')))
                yield '\n'
            l_1_s = missing
            yield '\n'
            for l_1_s in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'sections'):
                _loop_vars = {}
                pass
                yield '### '
                yield str(environment.getitem((undefined(name='TITLES') if l_0_TITLES is missing else l_0_TITLES), environment.getattr(l_1_s, 'kind')))
                yield ' ('
                yield str(t_2(environment.getitem(l_1_s, 'items')))
                yield ')\n\n'
                if (environment.getattr(l_1_s, 'kind') == 'not_rechecked'):
                    pass
                    yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Their source could not be checked this time: they may still be there. They are not counted as gone.', _loop_vars=_loop_vars))
                    yield '\n\n'
                for l_2_i in environment.getitem(l_1_s, 'items'):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.getitem(environment.getattr((undefined(name='CL') if l_0_CL is missing else l_0_CL), 'SEVERITY'), environment.getattr(l_2_i, 'severity')))
                    yield ' · '
                    yield str(t_3(environment.getattr(l_2_i, 'host')))
                    yield ' · '
                    yield str(t_3(t_1(context.eval_ctx, environment.getattr(l_2_i, 'fields'), ', ')))
                    yield ' · '
                    yield str(t_4(environment.getattr(l_2_i, 'url')))
                    if environment.getattr(l_2_i, 'first_seen'):
                        pass
                        yield ' · '
                        yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'First seen', _loop_vars=_loop_vars))
                        yield ' '
                        yield str(environment.getattr(l_2_i, 'first_seen'))
                    if environment.getattr(l_2_i, 'mark'):
                        pass
                        yield ' · '
                        yield str(context.call((undefined(name='markinfo') if l_0_markinfo is missing else l_0_markinfo), environment.getattr(l_2_i, 'mark'), _loop_vars=_loop_vars))
                    yield ' · `'
                    yield str(environment.getattr(l_2_i, 'id'))
                    yield '`\n'
                l_2_i = missing
                if environment.getitem(l_1_s, 'items'):
                    pass
                    yield '\n'
            l_1_s = missing
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'removals'):
            pass
            yield '### '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Removal requests'))
            yield '\n\n'
            for l_1_i in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'removals'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_3(environment.getattr(l_1_i, 'host')))
                yield ' · '
                yield str(t_4(environment.getattr(l_1_i, 'url')))
                yield ' · '
                yield str(context.call((undefined(name='markinfo') if l_0_markinfo is missing else l_0_markinfo), environment.getattr(l_1_i, 'mark'), _loop_vars=_loop_vars))
                yield ' · `'
                yield str(environment.getattr(l_1_i, 'id'))
                yield '`\n'
            l_1_i = missing
            yield '\n'
        if (t_2(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'trend')) > 1):
            pass
            yield '### '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Over time'))
            yield '\n\n| '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Date'))
            yield ' | '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Risk score'))
            yield ' | '
            yield str(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'High and critical'))
            yield ' |\n|---|---|---|\n'
            for l_1_p in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'trend'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(environment.getattr(l_1_p, 'at'))
                yield ' | '
                yield str(environment.getattr(l_1_p, 'score'))
                yield ' | '
                yield str(environment.getattr(l_1_p, 'urgent'))
                yield ' |\n'
            l_1_p = missing
            yield '\n'
        if environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'set_aside'):
            pass
            yield '### '
            yield str(context.call((undefined(name='gettext') if l_0_gettext is missing else l_0_gettext), 'Marked not me or ignored (%(n)s): not counted in the score', n=t_2(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'set_aside'))))
            yield '\n'
            for l_1_i in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'set_aside'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.getitem(environment.getattr((undefined(name='CL') if l_0_CL is missing else l_0_CL), 'SEVERITY'), environment.getattr(l_1_i, 'severity')))
                yield ' · '
                yield str(t_3(environment.getattr(l_1_i, 'host')))
                yield ' · '
                yield str(t_4(environment.getattr(l_1_i, 'url')))
                yield ' · '
                yield str(context.call((undefined(name='markinfo') if l_0_markinfo is missing else l_0_markinfo), environment.getattr(l_1_i, 'mark'), _loop_vars=_loop_vars))
                yield ' · `'
                yield str(environment.getattr(l_1_i, 'id'))
                yield '`\n'
            l_1_i = missing
            yield '\n'

blocks = {}
debug_info = '2=41&3=43&4=45&8=48&9=53&11=102&13=104&14=106&17=110&19=112&20=116&23=122&24=126&26=130&27=132&30=134&31=138&33=159&38=163&39=166&41=168&42=172&46=182&47=185&49=187&51=193&52=197&56=205&57=208&59=210&60=214'