# Generated from reports/templates/letter.nl.txt.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = '9f6d493204ec2ff435f5a1835f383dcd743ea5865ea7b8b4df181831e9a29c4f'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'letter.nl.txt.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_uk = resolve('uk')
    l_0_member = resolve('member')
    l_0_threat = resolve('threat')
    l_0_controller = resolve('controller')
    l_0_today = resolve('today')
    l_0_name = resolve('name')
    l_0_addressee = resolve('addressee')
    l_0_site = resolve('site')
    l_0_pages = resolve('pages')
    l_0_kinds = resolve('kinds')
    l_0_deadline = resolve('deadline')
    l_0_KIND = l_0_law = l_0_authority = missing
    pass
    l_0_KIND = {'name': 'mijn naam', 'home_address': 'mijn huisadres', 'private_phone': 'mijn privételefoonnummer', 'private_email': 'mijn privé-e-mailadres', 'work': 'gegevens van mijn praktijk'}
    context.vars['KIND'] = l_0_KIND
    context.exported_vars.add('KIND')
    l_0_law = ('de UK GDPR' if (undefined(name='uk') if l_0_uk is missing else l_0_uk) else 'de Algemene verordening gegevensbescherming (AVG)')
    context.vars['law'] = l_0_law
    context.exported_vars.add('law')
    l_0_authority = ("de Information Commissioner's Office (ICO)" if (undefined(name='uk') if l_0_uk is missing else l_0_uk) else 'de Autoriteit Persoonsgegevens')
    context.vars['authority'] = l_0_authority
    context.exported_vars.add('authority')
    yield '===== Voordat u dit verstuurt (haal dit blok weg) =====\n'
    if (undefined(name='member') if l_0_member is missing else l_0_member):
        pass
        yield '- Dit is het eigen verzoek van '
        yield str((undefined(name='member') if l_0_member is missing else l_0_member))
        yield ', in eigen naam: die ondertekent en verstuurt de brief zelf (voor een kind doet de ouder of voogd dat namens het kind). Stuur hem alleen als die dat wil.\n'
    if (undefined(name='threat') if l_0_threat is missing else l_0_threat):
        pass
        yield '- LET OP: een pagina van deze site bedreigt u of zet uw huisadres online (doxing). Leg eerst bewijs vast, meld het bij het platform en doe aangifte bij de politie (0900-8844; in nood 112). Stuur deze brief pas daarna, als u hem dan nog wilt sturen.\n'
    yield '- Deze brief vertelt de eigenaar van de site welke gegevens u op de pagina hebt gezien, en wie u bent. Is de eigenaar u mogelijk vijandig gezind, overleg dan eerst met '
    if (not (undefined(name='uk') if l_0_uk is missing else l_0_uk)):
        pass
        yield 'HelpWanted (020-261 52 75) of '
    yield 'de contactpersoon van uw werkgever.\n'
    if (not (undefined(name='threat') if l_0_threat is missing else l_0_threat)):
        pass
        yield '- Is een pagina een doxingbericht (uw gegevens online gezet om u te bedreigen of bang te maken), leg dan eerst bewijs vast, meld het bij het platform en doe aangifte'
        if (undefined(name='uk') if l_0_uk is missing else l_0_uk):
            pass
            yield ' bij de politie'
        yield '; deze brief komt daarna.\n'
    yield '- Vul de regels tussen [haken] in. Geef alleen de contactgegevens die u hen wilt geven.\n- Stuur de brief per e-mail of post naar het adres op de privacy- of contactpagina van de site'
    if environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'contact'):
        pass
        yield ', of gebruik: '
        yield str(environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'contact'))
    yield '.\n- Bewaar een kopie en noteer de datum van verzenden. De maand om te antwoorden loopt vanaf de dag van ontvangst; de datum hieronder gaat ervan uit dat de brief op '
    yield str((undefined(name='today') if l_0_today is missing else l_0_today))
    yield " aankomt. Komt hij later aan, dan schuift de termijn mee.\n- Bewaar eerst bewijs van de pagina's (een schermafbeelding met het adres, de datum en de tijd).\n=======================================================\n\n"
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '\n[uw postadres of e-mailadres voor het antwoord]\n\nAan: '
    yield str(((undefined(name='addressee') if l_0_addressee is missing else l_0_addressee) or str_join(('De beheerder van ', (undefined(name='site') if l_0_site is missing else l_0_site), ))))
    if (((undefined(name='site') if l_0_site is missing else l_0_site) != environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'domain')) or (undefined(name='addressee') if l_0_addressee is missing else l_0_addressee)):
        pass
        yield ' ('
        yield str(environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'domain'))
        yield ')'
    yield '\nT.a.v. de functionaris voor gegevensbescherming\n\nDatum: '
    yield str((undefined(name='today') if l_0_today is missing else l_0_today))
    yield '\n\nOnderwerp: Bezwaar (artikel 21) en verzoek om wissing (artikel 17) op grond van '
    yield str((undefined(name='law') if l_0_law is missing else l_0_law))
    yield "\n\nGeachte heer, mevrouw,\n\nUw website toont persoonsgegevens over mij op deze pagina's:\n\n"
    for (l_1_url, l_1_seen) in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        _loop_vars = {}
        pass
        yield '- '
        yield str(l_1_url)
        yield ' (gezien op '
        yield str(l_1_seen)
        yield ')\n'
    l_1_url = l_1_seen = missing
    yield "\nOp deze pagina's staan "
    l_1_loop = missing
    for l_1_k, l_1_loop in LoopContext((undefined(name='kinds') if l_0_kinds is missing else l_0_kinds), undefined):
        _loop_vars = {}
        pass
        yield str(environment.getitem((undefined(name='KIND') if l_0_KIND is missing else l_0_KIND), l_1_k))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield str((', ' if (environment.getattr(l_1_loop, 'revindex') > 2) else ' en '))
    l_1_loop = l_1_k = missing
    yield '.\n\n1. Bezwaar (artikel 21). Ik maak bezwaar tegen de verwerking van mijn persoonsgegevens. Voor zover u zich beroept op uw gerechtvaardigd belang (artikel 6 lid 1 onder f), wegen mijn belangen zwaarder: '
    if (undefined(name='member') if l_0_member is missing else l_0_member):
        pass
        yield 'iemand in mijn huishouden werkt in de zorg, en publicatie van deze gegevens brengt mijn veiligheid en die van mijn gezin in gevaar'
    else:
        pass
        yield 'ik werk in de zorg, en publicatie van deze gegevens brengt mijn veiligheid in gevaar'
    yield '. Voor zover u mijn gegevens gebruikt voor direct marketing, is mijn bezwaar absoluut (artikel 21 lid 3).\n\n2. Wissing (artikel 17). Ik verzoek u alle persoonsgegevens over mij zonder onredelijke vertraging te wissen, op grond van artikel 17 lid 1 onder c (mijn bezwaar) en onder d (verwerking zonder rechtsgrond). Als ik ooit toestemming heb gegeven, trek ik die in (artikel 17 lid 1 onder b).\n\n3. Stel iedereen aan wie u mijn gegevens hebt verstrekt op de hoogte van de wissing (artikel 19), en laat mij weten wie dat zijn.\n\n4. Bevestig mij schriftelijk wanneer de wissing is uitgevoerd.\n\nVolgens artikel 12 lid 3 moet u binnen een maand na ontvangst van deze brief antwoorden (als hij vandaag aankomt: uiterlijk op '
    yield str((undefined(name='deadline') if l_0_deadline is missing else l_0_deadline))
    yield "). Hebt u meer tijd nodig, dan moet u mij binnen die maand laten weten waarom.\n\nIk stuur geen kopie van een identiteitsbewijs mee: de pagina's hierboven maken duidelijk om welke gegevens het gaat. Twijfelt u redelijkerwijs aan mijn identiteit (artikel 12 lid 6), laat mij dan weten wat u nodig hebt.\n\nKrijg ik niet op tijd antwoord, of wordt mijn verzoek zonder goede reden geweigerd, dan dien ik een klacht in bij "
    yield str((undefined(name='authority') if l_0_authority is missing else l_0_authority))
    yield '.\n\nMet vriendelijke groet,\n\n'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '\n[handtekening]\n'

blocks = {}
debug_info = '1=23&4=26&5=29&7=33&8=36&10=38&13=42&14=46&15=49&18=54&19=59&23=61&26=63&29=70&31=72&37=74&38=78&41=85&43=94&51=101&55=103&59=105'