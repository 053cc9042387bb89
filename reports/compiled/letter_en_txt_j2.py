# Generated from reports/templates/letter.en.txt.j2 by `make templates` (reports/loader.py):
# do not edit.
# ruff: noqa
# mypy: ignore-errors
KEY = 'ed3543ca05bea2bed419bf8645a9739300fe6b975fea0e873ab8df7d273152ce'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'letter.en.txt.j2'

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
    l_0_KIND = {'name': 'my name', 'home_address': 'my home address', 'private_phone': 'my private phone number', 'private_email': 'my private email address', 'work': 'details of my practice'}
    context.vars['KIND'] = l_0_KIND
    context.exported_vars.add('KIND')
    l_0_law = ('the UK GDPR' if (undefined(name='uk') if l_0_uk is missing else l_0_uk) else 'the General Data Protection Regulation (GDPR)')
    context.vars['law'] = l_0_law
    context.exported_vars.add('law')
    l_0_authority = ("the Information Commissioner's Office (ICO)" if (undefined(name='uk') if l_0_uk is missing else l_0_uk) else 'the Dutch Data Protection Authority (Autoriteit Persoonsgegevens)')
    context.vars['authority'] = l_0_authority
    context.exported_vars.add('authority')
    yield '===== Before you send this (delete this block) =====\n'
    if (undefined(name='member') if l_0_member is missing else l_0_member):
        pass
        yield '- This is '
        yield str((undefined(name='member') if l_0_member is missing else l_0_member))
        yield "'s own request, in their own name: they sign and send it themselves (for a child, the parent or guardian does, on the child's behalf). Send it only if they want to.\n"
    if (undefined(name='threat') if l_0_threat is missing else l_0_threat):
        pass
        yield '- WARNING: a page on this site threatens you or posts your home address (doxing). First save evidence, report it to the platform and to the police'
        if (undefined(name='uk') if l_0_uk is missing else l_0_uk):
            pass
            yield ' (101; in an emergency 999)'
        else:
            pass
            yield ' (aangifte, by appointment via 0900-8844; in an emergency 112)'
        yield '. Send this letter only after that, if you still want to.\n'
    yield "- This letter tells the site's owner which of your details you saw on the page, and who you are. If the owner may be hostile to you, talk to your employer's contact person first.\n"
    if (not (undefined(name='threat') if l_0_threat is missing else l_0_threat)):
        pass
        yield '- If a page is a doxing post (your details put online to threaten or frighten you), first save evidence, report it to the platform and to the police'
        if (not (undefined(name='uk') if l_0_uk is missing else l_0_uk)):
            pass
            yield ' (aangifte)'
        yield '; this letter comes after that.\n'
    yield "- Fill in the lines in [brackets]. Give only the contact details you want them to have.\n- Send it by email or post to the address on the site's privacy or contact page"
    if environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'contact'):
        pass
        yield ', or use: '
        yield str(environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'contact'))
    yield '.\n- Keep a copy and note the date you sent it. The month to answer runs from the day they receive it; the date below assumes it arrives on '
    yield str((undefined(name='today') if l_0_today is missing else l_0_today))
    yield '. If it arrives later, the deadline moves with it.\n- First save evidence of the pages (a screenshot with the address, date and time).\n=====================================================\n\n'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '\n[your postal address or email address for the answer]\n\nTo: '
    yield str(((undefined(name='addressee') if l_0_addressee is missing else l_0_addressee) or str_join(('The operator of ', (undefined(name='site') if l_0_site is missing else l_0_site), ))))
    if (((undefined(name='site') if l_0_site is missing else l_0_site) != environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'domain')) or (undefined(name='addressee') if l_0_addressee is missing else l_0_addressee)):
        pass
        yield ' ('
        yield str(environment.getattr((undefined(name='controller') if l_0_controller is missing else l_0_controller), 'domain'))
        yield ')'
    yield '\nFor the attention of the data protection officer\n\nDate: '
    yield str((undefined(name='today') if l_0_today is missing else l_0_today))
    yield '\n\nSubject: Objection (Article 21) and request for erasure (Article 17) under '
    yield str((undefined(name='law') if l_0_law is missing else l_0_law))
    yield '\n\nDear Sir or Madam,\n\nYour website shows personal data about me on these pages:\n\n'
    for (l_1_url, l_1_seen) in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        _loop_vars = {}
        pass
        yield '- '
        yield str(l_1_url)
        yield ' (seen on '
        yield str(l_1_seen)
        yield ')\n'
    l_1_url = l_1_seen = missing
    yield '\nThese pages show '
    l_1_loop = missing
    for l_1_k, l_1_loop in LoopContext((undefined(name='kinds') if l_0_kinds is missing else l_0_kinds), undefined):
        _loop_vars = {}
        pass
        yield str(environment.getitem((undefined(name='KIND') if l_0_KIND is missing else l_0_KIND), l_1_k))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield str((', ' if (environment.getattr(l_1_loop, 'revindex') > 2) else ' and '))
    l_1_loop = l_1_k = missing
    yield '.\n\n1. Objection (Article 21). I object to the processing of my personal data. As far as you rely on your legitimate interests (Article 6(1)(f)), my interests outweigh them: '
    if (undefined(name='member') if l_0_member is missing else l_0_member):
        pass
        yield 'someone in my household works in health care, and publishing these details puts my safety and that of my family at risk'
    else:
        pass
        yield 'I work in health care, and publishing these details puts my safety at risk'
    yield '. As far as you use my data for direct marketing, my objection is absolute (Article 21(3)).\n\n2. Erasure (Article 17). I ask you to erase all personal data about me without undue delay, on the grounds of Article 17(1)(c) (my objection) and Article 17(1)(d) (processing without a lawful basis). If I ever gave consent, I withdraw it (Article 17(1)(b)).\n\n3. Please inform everyone to whom you disclosed my data of the erasure (Article 19), and tell me who they are.\n\n4. Please confirm in writing when the erasure is complete.\n\nUnder Article 12(3) you must answer within one month of receiving this letter (if it arrives today: by '
    yield str((undefined(name='deadline') if l_0_deadline is missing else l_0_deadline))
    yield '). If you need longer, you must tell me why within that month.\n\nI do not enclose a copy of an identity document: the pages listed above identify the data. If you have reasonable doubts about my identity (Article 12(6)), please tell me what you need.\n\nIf I receive no answer in time, or my request is refused without good reason, I will complain to '
    yield str((undefined(name='authority') if l_0_authority is missing else l_0_authority))
    yield '.\n\nYours faithfully,\n\n'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '\n[signature]\n'

blocks = {}
debug_info = '1=23&4=26&5=29&7=33&8=36&10=38&11=41&14=49&15=52&18=57&19=62&23=64&26=66&29=73&31=75&37=77&38=81&41=88&43=97&51=104&55=106&59=108'