# Generated from reports/templates/_household.md.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '42c04685b90bb1b61c22e11aea70cbabcf7df8fff06581551f8a2bf323bfdc9f'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_household.md.j2'

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
        t_6 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    l_0_HL = context.vars['HL'] = environment.get_template('_labels.j2', '_household.md.j2')._get_default_module(context)
    context.exported_vars.discard('HL')
    l_0_gone = (environment.getattr((undefined(name='household_changes') if l_0_household_changes is missing else l_0_household_changes), 'others') if (undefined(name='household_changes') if l_0_household_changes is missing else l_0_household_changes) else [])
    context.vars['gone'] = l_0_gone
    context.exported_vars.add('gone')
    if ((undefined(name='household') if l_0_household is missing else l_0_household) or (undefined(name='gone') if l_0_gone is missing else l_0_gone)):
        pass
        l_0_nl = ((undefined(name='lang') if l_0_lang is missing else l_0_lang) == 'nl')
        context.vars['nl'] = l_0_nl
        context.exported_vars.add('nl')
        yield '## '
        yield str(('Uw huishouden' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'Your household'))
        yield '\n\n'
        if (undefined(name='nl') if l_0_nl is missing else l_0_nl):
            pass
            yield "Pagina's over de leden van uw huishouden die ermee instemden. Ze tellen niet mee in uw eigen score. Verwijderverzoeken en AVG-brieven voor hen zijn hun eigen verzoek: ze worden in hun naam verstuurd, door henzelf (of door u met hun ondertekende machtiging; voor een kind door u als ouder)."
        else:
            pass
            yield 'Pages about the members of your household who consented. They do not count in your own score. Removal requests and GDPR letters for them are their own request: they are sent in their name, by them (or by you with their signed authorisation; for a child, by you as the parent).'
        yield '\n\n'
        l_1_loop = missing
        for l_1_h, l_1_loop in LoopContext((undefined(name='household') if l_0_household is missing else l_0_household), undefined):
            _loop_vars = {}
            pass
            yield '### '
            yield str(environment.getitem(environment.getattr((undefined(name='HL') if l_0_HL is missing else l_0_HL), 'SEVERITY'), environment.getattr(l_1_h, 'severity')))
            yield ' · '
            yield str(t_1(environment.getattr(l_1_h, 'relation')))
            yield ' ('
            yield str(('lid' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'member'))
            yield ' '
            yield str(environment.getattr(l_1_h, 'member'))
            yield ') · '
            yield str(t_3(environment.getattr(l_1_h, 'host')))
            yield '\n\n'
            if environment.getattr(l_1_h, 'title'):
                pass
                yield '**'
                yield str(t_3(environment.getattr(l_1_h, 'title')))
                yield '**\n\n'
            yield '- '
            yield str(t_5(environment.getattr(l_1_h, 'url')))
            yield '\n- '
            yield str(('Toont' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'Shows'))
            yield ': '
            yield str(t_2(context.eval_ctx, environment.getattr(l_1_h, 'fields'), ', '))
            if environment.getattr(l_1_h, 'ties'):
                pass
                yield ' — '
                yield str(t_2(context.eval_ctx, environment.getattr(l_1_h, 'ties'), '; '))
            yield ' · `'
            yield str(environment.getattr(l_1_h, 'id'))
            yield '`\n'
            if (environment.getattr(l_1_h, 'change') or environment.getattr(l_1_h, 'mark')):
                pass
                yield '- '
                yield str(t_1(t_2(context.eval_ctx, t_6(context, [environment.getattr(l_1_h, 'change'), environment.getattr(l_1_h, 'mark')]), ' · ')))
                yield '\n'
            yield '\n'
            for l_2_p in environment.getattr(l_1_h, 'passages'):
                _loop_vars = {}
                pass
                yield '> …'
                for l_3_seg in l_2_p:
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_3_seg, 'marked'):
                        pass
                        yield '**'
                        yield str(t_3(environment.getattr(l_3_seg, 'text')))
                        yield '**'
                    else:
                        pass
                        yield str(t_4(environment.getattr(l_3_seg, 'text')))
                l_3_seg = missing
                yield '…\n\n'
            l_2_p = missing
            l_2_loop = missing
            for l_2_s, l_2_loop in LoopContext(environment.getattr(l_1_h, 'steps'), undefined):
                _loop_vars = {}
                pass
                yield str(environment.getattr(l_2_loop, 'index'))
                yield '. '
                if environment.getattr(l_2_s, 'title'):
                    pass
                    yield '**'
                    yield str(environment.getattr(l_2_s, 'title'))
                    yield '.** '
                yield str(environment.getattr(l_2_s, 'action'))
                if environment.getattr(l_2_s, 'url'):
                    pass
                    yield ' — '
                    yield str(t_5(environment.getattr(l_2_s, 'url')))
            l_2_loop = l_2_s = missing
            yield '\n\n'
        l_1_loop = l_1_h = missing
        if (undefined(name='gone') if l_0_gone is missing else l_0_gone):
            pass
            yield '### '
            yield str(('Niet meer in deze lijst' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'No longer listed here'))
            yield '\n\n'
            for l_1_i in (undefined(name='gone') if l_0_gone is missing else l_0_gone):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_1(environment.getattr(l_1_i, 'relation')))
                yield ' ('
                yield str(('lid' if (undefined(name='nl') if l_0_nl is missing else l_0_nl) else 'member'))
                yield ' '
                yield str(environment.getattr(l_1_i, 'member'))
                yield ') · '
                yield str(t_3(environment.getattr(l_1_i, 'host')))
                yield ' · '
                yield str(t_5(environment.getattr(l_1_i, 'url')))
                yield ' · '
                yield str(environment.getattr(l_1_i, 'change'))
                if environment.getattr(l_1_i, 'mark'):
                    pass
                    yield ' · '
                    yield str(environment.getattr(l_1_i, 'mark'))
                yield ' · `'
                yield str(environment.getattr(l_1_i, 'id'))
                yield '`\n'
            l_1_i = missing
            yield '\n'

blocks = {}
debug_info = '4=52&5=54&6=57&7=59&8=63&10=65&13=73&14=77&16=87&17=90&20=93&21=95&22=105&23=108&26=111&27=115&30=130&31=133&36=148&37=151&39=153&40=157'