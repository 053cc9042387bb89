# Generated from reports/templates/_organisation.md.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '5eba00e2a41b64c7f944bcd9e563f87c309c772bc80ece23584a8ba32e4e7517'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_organisation.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_who = l_0_org_happens = l_0_org_plan_step = l_0_org_aftercare = missing
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    def macro(l_1_p):
        t_2 = []
        l_1_lang = resolve('lang')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_2.extend((
            '**',
            str(t_1(environment.getattr(l_1_p, 'name'))),
            '**',
        ))
        if environment.getattr(l_1_p, 'role'):
            pass
            t_2.extend((
                ' (',
                str(t_1(environment.getattr(l_1_p, 'role'))),
                ')',
            ))
        if environment.getattr(l_1_p, 'phone'):
            pass
            t_2.extend((
                ', ',
                str(('tel.' if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else 'phone')),
                ' ',
                str(t_1(environment.getattr(l_1_p, 'phone'))),
            ))
        if environment.getattr(l_1_p, 'email'):
            pass
            t_2.extend((
                ', ',
                str(t_1(environment.getattr(l_1_p, 'email'))),
            ))
        if environment.getattr(l_1_p, 'hours'):
            pass
            t_2.extend((
                ' (',
                str(('bereikbaar' if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else 'open')),
                ' ',
                str(t_1(environment.getattr(l_1_p, 'hours'))),
                ')',
            ))
        return concat(t_2)
    context.exported_vars.add('who')
    context.vars['who'] = l_0_who = Macro(environment, macro, 'who', ('p',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_o):
        t_3 = []
        l_1_lang = resolve('lang')
        if l_1_o is missing:
            l_1_o = undefined("parameter 'o' was not provided", name='o')
        pass
        t_3.append(
            '- ',
        )
        if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
            pass
            t_3.extend((
                'Meld het direct bij het meldpunt van ',
                str(t_1(environment.getattr(l_1_o, 'name'))),
                ': ',
                str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
                '.',
            ))
        else:
            pass
            t_3.extend((
                'Report it straight away to the contact point at ',
                str(t_1(environment.getattr(l_1_o, 'name'))),
                ': ',
                str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
                '.',
            ))
        if environment.getattr(l_1_o, 'counsellor'):
            pass
            t_3.append(
                ' ',
            )
            if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
                pass
                t_3.extend((
                    'Vertrouwelijk praten kan met de vertrouwenspersoon: ',
                    str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                    '.',
                ))
            else:
                pass
                t_3.extend((
                    'To talk in confidence: the confidential counsellor (vertrouwenspersoon), ',
                    str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                    '.',
                ))
        return concat(t_3)
    context.exported_vars.add('org_happens')
    context.vars['org_happens'] = l_0_org_happens = Macro(environment, macro, 'org_happens', ('o',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_o):
        t_4 = []
        l_1_lang = resolve('lang')
        if l_1_o is missing:
            l_1_o = undefined("parameter 'o' was not provided", name='o')
        pass
        t_4.append(
            '   → ',
        )
        if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
            pass
            t_4.extend((
                'Neem daarna contact op met het meldpunt van ',
                str(t_1(environment.getattr(l_1_o, 'name'))),
                ', ',
                str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
            ))
            if environment.getattr(l_1_o, 'counsellor'):
                pass
                t_4.extend((
                    '; de vertrouwenspersoon is ',
                    str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                ))
            t_4.append(
                '.',
            )
        else:
            pass
            t_4.extend((
                'Then contact the contact point at ',
                str(t_1(environment.getattr(l_1_o, 'name'))),
                ', ',
                str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
            ))
            if environment.getattr(l_1_o, 'counsellor'):
                pass
                t_4.extend((
                    '; the confidential counsellor is ',
                    str(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                ))
            t_4.append(
                '.',
            )
        return concat(t_4)
    context.exported_vars.add('org_plan_step')
    context.vars['org_plan_step'] = l_0_org_plan_step = Macro(environment, macro, 'org_plan_step', ('o',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_o):
        t_5 = []
        l_1_lang = resolve('lang')
        if l_1_o is missing:
            l_1_o = undefined("parameter 'o' was not provided", name='o')
        pass
        t_5.extend((
            '## ',
            str(t_1((str_join(('Nazorg: wat ', environment.getattr(l_1_o, 'name'), ' nu voor u doet', )) if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else str_join(('Aftercare: what ', environment.getattr(l_1_o, 'name'), ' should now do for you', ))))),
            '\n\n',
        ))
        if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
            pass
            t_5.extend((
                '- Contact opnemen en vragen wat u nodig hebt; een gesprek met de vertrouwenspersoon of bedrijfsarts aanbieden.\n- U op het werk beschermen: telefoon, post en bezoek over u laten afhandelen, uw gegevens van de eigen website en uit roosters halen.\n- Helpen bij aangifte en bij het laten verwijderen (als werkgever kan ',
                str(t_1(environment.getattr(l_1_o, 'name'))),
                ' ook zelf aangifte doen).\n- Later nagaan hoe het met u gaat, en vastleggen wat er gebeurd is om herhaling te voorkomen.\n',
            ))
        else:
            pass
            t_5.extend((
                '- Get in touch and ask what you need; offer a talk with the confidential counsellor or the occupational physician.\n- Protect you at work: have calls, mail and visitors about you handled, and take your details off its own website and rosters.\n- Help you report it to the police and have it removed (',
                str(t_1(environment.getattr(l_1_o, 'name'))),
                ' can also report it as your employer).\n- Check back with you later, and record what happened so that it does not happen again.\n',
            ))
        if (environment.getattr(l_1_o, 'hand_in_email') or environment.getattr(l_1_o, 'hand_in_url')):
            pass
            t_5.append(
                '\n',
            )
            if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
                pass
                t_5.append(
                    'Uw anonieme samenvatting kunt u, als u dat wilt, zelf inleveren bij',
                )
            else:
                pass
                t_5.append(
                    'If you wish, you can hand in your anonymous summary yourself at',
                )
            t_5.extend((
                ' ',
                str(t_1(environment.getattr(l_1_o, 'hand_in_email'))),
            ))
            if (environment.getattr(l_1_o, 'hand_in_email') and environment.getattr(l_1_o, 'hand_in_url')):
                pass
                t_5.append(
                    ' / ',
                )
            t_5.extend((
                str(t_1(environment.getattr(l_1_o, 'hand_in_url'))),
                '. ',
                str(('Dit programma verstuurt niets vanzelf.' if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else 'This tool never sends anything by itself.')),
                '\n',
            ))
        return concat(t_5)
    context.exported_vars.add('org_aftercare')
    context.vars['org_aftercare'] = l_0_org_aftercare = Macro(environment, macro, 'org_aftercare', ('o',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=18&4=26&5=36&6=44&7=50&10=63&11=72&12=90&15=113&16=122&19=160&20=168&22=171&25=175&30=182&33=185&35=190'