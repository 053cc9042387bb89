# Generated from reports/templates/_organisation.html.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = 'a6ae5ae7cb160bfcb8ac56806572c1b019bfe357741e2bb6fcebe468211aa696'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_organisation.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_who = l_0_org_happens = l_0_org_plan_step = l_0_org_aftercare = missing
    try:
        t_1 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    def macro(l_1_p):
        t_2 = []
        l_1_lang = resolve('lang')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_2.extend((
            '<strong>',
            escape(environment.getattr(l_1_p, 'name')),
            '</strong>',
        ))
        if environment.getattr(l_1_p, 'role'):
            pass
            t_2.extend((
                ' (',
                escape(environment.getattr(l_1_p, 'role')),
                ')',
            ))
        if environment.getattr(l_1_p, 'phone'):
            pass
            t_2.extend((
                ', ',
                escape(('tel.' if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else 'phone')),
                ' <a href="tel:',
                escape(t_1(context.eval_ctx, environment.getattr(l_1_p, 'phone'), ' ', '')),
                '">',
                escape(environment.getattr(l_1_p, 'phone')),
                '</a>',
            ))
        if environment.getattr(l_1_p, 'email'):
            pass
            t_2.extend((
                ', <a href="mailto:',
                escape(environment.getattr(l_1_p, 'email')),
                '">',
                escape(environment.getattr(l_1_p, 'email')),
                '</a>',
            ))
        if environment.getattr(l_1_p, 'hours'):
            pass
            t_2.extend((
                ' (',
                escape(('bereikbaar' if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else 'open')),
                ' ',
                escape(environment.getattr(l_1_p, 'hours')),
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
            '<li class="org">',
        )
        if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
            pass
            t_3.extend((
                'Meld het direct bij het meldpunt van ',
                escape(environment.getattr(l_1_o, 'name')),
                ': ',
                escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
                '.',
            ))
        else:
            pass
            t_3.extend((
                'Report it straight away to the contact point at ',
                escape(environment.getattr(l_1_o, 'name')),
                ': ',
                escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
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
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                    '.',
                ))
            else:
                pass
                t_3.extend((
                    'To talk in confidence: the confidential counsellor (vertrouwenspersoon), ',
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                    '.',
                ))
        t_3.append(
            '</li>',
        )
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
            '<p class="org">',
        )
        if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
            pass
            t_4.extend((
                'Neem contact op met het meldpunt van ',
                escape(environment.getattr(l_1_o, 'name')),
                ', ',
                escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
                ', zodra u het bewijs hebt bewaard',
            ))
            if environment.getattr(l_1_o, 'counsellor'):
                pass
                t_4.extend((
                    '; de vertrouwenspersoon is ',
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                ))
            t_4.append(
                '.',
            )
        else:
            pass
            t_4.extend((
                'Contact the contact point at ',
                escape(environment.getattr(l_1_o, 'name')),
                ', ',
                escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'contact'))),
                ', once you have saved the evidence',
            ))
            if environment.getattr(l_1_o, 'counsellor'):
                pass
                t_4.extend((
                    '; the confidential counsellor is ',
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), environment.getattr(l_1_o, 'counsellor'))),
                ))
            t_4.append(
                '.',
            )
        t_4.append(
            '</p>',
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
            '<section id="aftercare">\n<h2>',
            escape((markup_join(('Nazorg: wat ', environment.getattr(l_1_o, 'name'), ' nu voor u doet', )) if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else markup_join(('Aftercare: what ', environment.getattr(l_1_o, 'name'), ' should now do for you', )))),
            '</h2>\n<ul>\n',
        ))
        if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl'):
            pass
            t_5.extend((
                '<li>Contact opnemen en vragen wat u nodig hebt; een gesprek met de vertrouwenspersoon of bedrijfsarts aanbieden.</li>\n<li>U op het werk beschermen: telefoon, post en bezoek over u laten afhandelen, uw gegevens van de eigen website en uit roosters halen.</li>\n<li>Helpen bij aangifte en bij het laten verwijderen (als werkgever kan ',
                escape(environment.getattr(l_1_o, 'name')),
                ' ook zelf aangifte doen).</li>\n<li>Later nagaan hoe het met u gaat, en vastleggen wat er gebeurd is om herhaling te voorkomen.</li>\n',
            ))
        else:
            pass
            t_5.extend((
                '<li>Get in touch and ask what you need; offer a talk with the confidential counsellor or the occupational physician.</li>\n<li>Protect you at work: have calls, mail and visitors about you handled, and take your details off its own website and rosters.</li>\n<li>Help you report it to the police and have it removed (',
                escape(environment.getattr(l_1_o, 'name')),
                ' can also report it as your employer).</li>\n<li>Check back with you later, and record what happened so that it does not happen again.</li>\n',
            ))
        t_5.append(
            '</ul>\n',
        )
        if (environment.getattr(l_1_o, 'hand_in_email') or environment.getattr(l_1_o, 'hand_in_url')):
            pass
            t_5.append(
                '<p class="muted">',
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
            if environment.getattr(l_1_o, 'hand_in_email'):
                pass
                t_5.extend((
                    ' <a href="mailto:',
                    escape(environment.getattr(l_1_o, 'hand_in_email')),
                    '">',
                    escape(environment.getattr(l_1_o, 'hand_in_email')),
                    '</a>',
                ))
            if (environment.getattr(l_1_o, 'hand_in_email') and environment.getattr(l_1_o, 'hand_in_url')):
                pass
                t_5.append(
                    ' / ',
                )
            if environment.getattr(l_1_o, 'hand_in_url'):
                pass
                t_5.extend((
                    ' <code>',
                    escape(environment.getattr(l_1_o, 'hand_in_url')),
                    '</code>',
                ))
            t_5.extend((
                '.\n',
                escape(('Dit programma verstuurt niets vanzelf.' if ((undefined(name='lang') if l_1_lang is missing else l_1_lang) == 'nl') else 'This tool never sends anything by itself.')),
                '</p>\n',
            ))
        t_5.append(
            '</section>',
        )
        return concat(t_5)
    context.exported_vars.add('org_aftercare')
    context.vars['org_aftercare'] = l_0_org_aftercare = Macro(environment, macro, 'org_aftercare', ('o',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=18&4=26&5=36&6=47&7=56&10=69&11=78&12=96&15=122&16=131&19=174&21=182&23=185&26=189&31=196&35=202&36=207&37=217&38=240'