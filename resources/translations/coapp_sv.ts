<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AccountControls</name>
    <message>
        <location filename="../../coapp/ui/sync/account_menu.py" line="+42"/>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Logga in…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>Logga &amp;ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;now</source>
        <translation>Synkronisera &amp;nu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refused changes…</source>
        <translation>&amp;Avvisade ändringar…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Signed in as {email}</source>
        <translation>Inloggad som {email}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed in</source>
        <translation>Inte inloggad</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Signed out. Your work stays on this computer and syncs when you sign in again.</source>
        <translation>Utloggad. Ditt arbete finns kvar på den här datorn och synkroniseras när du loggar in igen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No keyring on this computer: you stay signed in only until coapp closes. Install GNOME Keyring or KWallet to stay signed in.</source>
        <translation>Ingen nyckelring på den här datorn: du är inloggad bara tills coapp stängs. Installera GNOME Keyring eller KWallet för att förbli inloggad.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed in. Syncing…</source>
        <translation>Inloggad. Synkroniserar…</translation>
    </message>
</context>
<context>
    <name>Applications</name>
    <message>
        <location filename="../../coapp/ui/application_states.py" line="+12"/>
        <source>Waiting for the next sync</source>
        <translation>Väntar på nästa synkning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed to the client</source>
        <translation>Presenterad för kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview</source>
        <translation>Intervju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer</source>
        <translation>Erbjudande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracted</source>
        <translation>Avtal klart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>Nej tack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Återkallad</translation>
    </message>
</context>
<context>
    <name>ApplicationsScreen</name>
    <message>
        <location filename="../../coapp/ui/applications/screen.py" line="+47"/>
        <location line="+3"/>
        <source>Applications</source>
        <translation>Ansökningar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export consents…</source>
        <translation>Exportera samtycken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every consent you gave, as a JSON file</source>
        <translation>Alla samtycken du gett, som en JSON-fil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application messages</source>
        <translation>Meddelanden om ansökningar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your applications</source>
        <translation>Dina ansökningar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No applications yet. Choose an assignment and Apply… (Ctrl+3).</source>
        <translation>Inga ansökningar ännu. Välj ett uppdrag och Ansök… (Ctrl+3).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add to calendar…</source>
        <translation>Lägg till i kalendern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the interview as a calendar file (.ics)</source>
        <translation>Spara intervjun som en kalenderfil (.ics)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdraw…</source>
        <translation>Återkalla…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the application back; the client is told</source>
        <translation>Ta tillbaka ansökan; kunden får veta det</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Messages with your agent</source>
        <translation>Meddelanden med din agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first; a message waiting for a sync says so</source>
        <translation>Äldst först; ett meddelande som väntar på synk säger det</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write to your agent and press Enter</source>
        <translation>Skriv till din agent och tryck Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message to your agent</source>
        <translation>Meddelande till din agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your agent</source>
        <translation>Din agent</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loading applications…</source>
        <translation>Läser in ansökningar…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>1 application · {waiting} waiting for a sync</source>
        <translation>1 ansökan · {waiting} väntar på synkning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} applications · {waiting} waiting for a sync</source>
        <translation>{n} ansökningar · {waiting} väntar på synkning</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nothing has happened yet.</source>
        <translation>Inget har hänt ännu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No interview booked.</source>
        <translation>Ingen intervju bokad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>your agent attends</source>
        <translation>din agent är med</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>without your agent</source>
        <translation>utan din agent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interview {day} {start}–{end}, {where} ({attends})</source>
        <translation>Intervju {day} {start}–{end}, {where} ({attends})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You consented to sharing “{variant}” and your rate {rate} {currency} per {per}.</source>
        <translation>Du samtyckte till att dela ”{variant}” och ditt arvode {rate} {currency} per {per}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full profile</source>
        <translation>hela profilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hour</source>
        <translation>timme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>dag</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your agent is named when you first apply or when the platform assigns one.</source>
        <translation>Du får en agent när du ansöker första gången eller när plattformen utser en.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (waiting for a sync)</source>
        <translation> (väntar på synkning)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Withdraw the application</source>
        <translation>Återkalla ansökan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A word to the client (optional):</source>
        <translation>Några ord till kunden (valfritt):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Withdrawal stored; the next sync tells the platform.</source>
        <translation>Återkallelsen sparad; nästa synkning meddelar plattformen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message stored; the next sync sends it.</source>
        <translation>Meddelandet sparat; nästa synkning skickar det.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add to calendar</source>
        <translation>Lägg till i kalendern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save the calendar file: {reason}</source>
        <translation>Kunde inte spara kalenderfilen: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {path}; open it to add the interview to your calendar.</source>
        <translation>Sparade {path}; öppna den för att lägga till intervjun i din kalender.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export consents</source>
        <translation>Exportera samtycken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not export: {reason}</source>
        <translation>Kunde inte exportera: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported your consents to {path}.</source>
        <translation>Exporterade dina samtycken till {path}.</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <location filename="../../coapp/ui/assignments/apply_dialog.py" line="+62"/>
        <source>Apply for {title}</source>
        <translation>Ansök till {title}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Application messages</source>
        <translation>Meddelanden om ansökan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next: what is shared</source>
        <translation>Nästa: vad som delas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send application</source>
        <translation>Skicka ansökan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Your offer to {client}: the client sees it only after you consent on the next step.</source>
        <translation>Ditt erbjudande till {client}: kunden ser det först när du har gett ditt samtycke i nästa steg.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your whole profile</source>
        <translation>Hela din profil</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+118"/>
        <source>per hour</source>
        <translation>per timme</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+117"/>
        <source>per day</source>
        <translation>per dag</translation>
    </message>
    <message>
        <location line="-90"/>
        <source> h a week</source>
        <translation> tim/vecka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A few lines to the client: why you, why now (optional)</source>
        <translation>Några rader till kunden: varför du, varför nu (valfritt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume</source>
        <translation>&amp;CV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;ate</source>
        <translation>&amp;Arvode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available &amp;from</source>
        <translation>Tillgänglig &amp;från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours</source>
        <translation>&amp;Timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message</source>
        <translation>&amp;Meddelande</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+43"/>
        <source>Write the rate as an amount, like 950 or 950,50.</source>
        <translation>Skriv arvodet som ett belopp, t.ex. 950 eller 950,50.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Below the client&apos;s range ({range}).</source>
        <translation>Under kundens spann ({range}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Above the client&apos;s range ({range}): you may still send it.</source>
        <translation>Över kundens spann ({range}): du kan ändå skicka det.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Within the client&apos;s range ({range}).</source>
        <translation>Inom kundens spann ({range}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What is shared, with whom</source>
        <translation>Vad som delas, och med vem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I consent to sharing this with the client through my agent</source>
        <translation>Jag samtycker till att detta delas med kunden via min agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your consent is kept as a record you can see and export. Without it nothing is sent.</source>
        <translation>Ditt samtycke sparas som en post du kan se och exportera. Utan det skickas ingenting.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(no message)</source>
        <translation>(inget meddelande)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To: {client}, through your agent</source>
        <translation>Till: {client}, via din agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your resume: {variant}, as it is now ({sections})</source>
        <translation>Ditt CV: {variant}, som det ser ut nu ({sections})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your rate: {rate} {currency} {per}</source>
        <translation>Ditt arvode: {rate} {currency} {per}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Available from {date}, 1 hour a week</source>
        <translation>Tillgänglig från {date}, 1 timme i veckan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available from {date}, {hours} hours a week</source>
        <translation>Tillgänglig från {date}, {hours} timmar i veckan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your message: {message}</source>
        <translation>Ditt meddelande: {message}</translation>
    </message>
</context>
<context>
    <name>AssignmentsList</name>
    <message>
        <location filename="../../coapp/ui/assignments/list_model.py" line="+45"/>
        <source>Remote</source>
        <translation>På distans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid, {place}</source>
        <translation>Hybrid, {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{range}/h</source>
        <translation>{range}/tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from {date}</source>
        <translation>från {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Stängt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{score} % match</source>
        <translation>{score} % matchning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>favourite</source>
        <translation>favorit</translation>
    </message>
</context>
<context>
    <name>AssignmentsScreen</name>
    <message>
        <location filename="../../coapp/ui/assignments/screen.py" line="+71"/>
        <location line="+4"/>
        <source>Assignments</source>
        <translation>Uppdrag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search title, client, skills… (Ctrl+F)</source>
        <translation>Sök titel, kund, kompetenser… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search assignments</source>
        <translation>Sök uppdrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote only</source>
        <translation>Bara på distans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only assignments that can be done remotely</source>
        <translation>Visa bara uppdrag som kan göras på distans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites only</source>
        <translation>Bara favoriter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the assignments you marked with a star</source>
        <translation>Visa bara uppdragen du har stjärnmärkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open only</source>
        <translation>Bara öppna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide assignments whose application period has closed</source>
        <translation>Dölj uppdrag vars ansökningstid har gått ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sort by</source>
        <translation>Sortera efter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order of the list: best match uses your profile&apos;s skills, rate and availability</source>
        <translation>Listans ordning: bäst matchning använder profilens kompetenser, pris och tillgänglighet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Best match</source>
        <translation>Bäst matchning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest</source>
        <translation>Nyast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting soonest</source>
        <translation>Börjar snarast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest rate</source>
        <translation>Högst arvode</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assignments, best match first</source>
        <translation>Uppdrag, bäst matchning först</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assignment messages</source>
        <translation>Meddelanden om uppdrag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply…</source>
        <translation>Ansök…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Loading assignments…</source>
        <translation>Läser in uppdrag…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sort:</source>
        <translation>Sortera:</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>No assignments here yet. Sign in (Account menu) and sync (F5) to get them.</source>
        <translation>Inga uppdrag här ännu. Logga in (menyn Konto) och synka (F5) för att hämta dem.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing matches. Clear the search (Esc in the box) or the filters.</source>
        <translation>Inget matchar. Rensa sökningen (Esc i rutan) eller filtren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{shown} of 1 assignment</source>
        <translation>{shown} av 1 uppdrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{shown} of {total} assignments</source>
        <translation>{shown} av {total} uppdrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 favourite</source>
        <translation>1 favorit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} favourites</source>
        <translation>{n} favoriter</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Application for {title} stored; the next sync sends it with your consent.</source>
        <translation>Ansökan till {title} sparad; nästa synkning skickar den med ditt samtycke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your rate is outside the client&apos;s range; it is sent as you stated it.</source>
        <translation>Ditt arvode ligger utanför kundens spann; det skickas som du angav det.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Favourite {title}</source>
        <translation>Favoritmarkera {title}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unfavourite {title}</source>
        <translation>Ta bort favoritmarkering för {title}</translation>
    </message>
</context>
<context>
    <name>AwardsPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/awards_panel.py" line="+20"/>
        <source>Honours and awards</source>
        <translation>Utmärkelser och priser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add award…</source>
        <translation>Lägg till utmärkelse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an honour, award or prize (Insert)</source>
        <translation>Lägg till en utmärkelse eller ett pris (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your honours and awards</source>
        <translation>Dina utmärkelser och priser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No awards yet: add prizes, scholarships or honours you have received.</source>
        <translation>Inga utmärkelser än: lägg till priser, stipendier eller utmärkelser du har fått.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem with an award</source>
        <translation>Problem med en utmärkelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add award</source>
        <translation>Lägg till utmärkelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit award</source>
        <translation>Redigera utmärkelse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the award&apos;s title</source>
        <translation>Skriv utmärkelsens titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Utdelad av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who gave it</source>
        <translation>Vem som delade ut den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it was for</source>
        <translation>Vad den gällde</translation>
    </message>
</context>
<context>
    <name>BreakdownPanel</name>
    <message>
        <location filename="../../coapp/ui/invoices/breakdown.py" line="+23"/>
        <source>Invoice breakdown</source>
        <translation>Fakturans uppdelning</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Agreement value (excl. VAT)</source>
        <translation>Avtalsvärde (exkl. moms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Platform commission ({rate})</source>
        <translation>Plattformens provision ({rate})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VAT on the commission: reverse charge, you account for it</source>
        <translation>Moms på provisionen: omvänd skattskyldighet, du redovisar den</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VAT on the commission ({rate})</source>
        <translation>Moms på provisionen ({rate})</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Net to you</source>
        <translation>Netto till dig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VAT: reverse charge, the buyer accounts for it</source>
        <translation>Moms: omvänd betalningsskyldighet, köparen redovisar momsen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT: none, services sold abroad</source>
        <translation>Moms: ingen, tjänster sålda till utlandet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT {rate} on {base}</source>
        <translation>Moms {rate} på {base}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total (incl. VAT)</source>
        <translation>Totalt (inkl. moms)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Paid to you (total − commission − its VAT)</source>
        <translation>Utbetalas till dig (totalt − provision − dess moms)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due date (if confirmed today)</source>
        <translation>Förfallodatum (om den bekräftas i dag)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
</context>
<context>
    <name>BusinessDialog</name>
    <message>
        <location filename="../../coapp/ui/business_dialog.py" line="+81"/>
        <source>Business details</source>
        <translation>Företagsuppgifter</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>You</source>
        <translation>Företaget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As registered</source>
        <translation>Som det är registrerat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sole trader (enskild firma)</source>
        <translation>Enskild firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limited company (AB)</source>
        <translation>Aktiebolag (AB)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It decides what your invoices must show</source>
        <translation>Den avgör vad dina fakturor måste visa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved for F-tax (Godkänd för F-skatt)</source>
        <translation>Godkänd för F-skatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your invoices then say Godkänd för F-skatt, as Swedish law asks</source>
        <translation>Dina fakturor anger då Godkänd för F-skatt, som svensk lag kräver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the company is registered (säte)</source>
        <translation>Där företaget har sitt säte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company &amp;form</source>
        <translation>&amp;Företagsform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation number</source>
        <translation>&amp;Organisationsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;VAT number</source>
        <translation>&amp;Momsreg.nr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F-skatt (Sweden)</source>
        <translation>F-skatt (Sverige)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered &amp;office</source>
        <translation>&amp;Säte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Street and number</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+206"/>
        <source>e.g. {example}</source>
        <translation>t.ex. {example}</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Where your business is registered</source>
        <translation>Där ditt företag är registrerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postcode</source>
        <translation>&amp;Postnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cit&amp;y</source>
        <translation>Or&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Country</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days from the invoice date to the due date, unless a contract says otherwise</source>
        <translation>Dagar från fakturadatum till förfallodatum, om inte ett avtal säger annat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bankgiro (Sweden)</source>
        <translation>&amp;Bankgiro (Sverige)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lusgiro (Sweden)</source>
        <translation>Pl&amp;usgiro (Sverige)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;IBAN</source>
        <translation>&amp;IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BI&amp;C</source>
        <translation>BI&amp;C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment &amp;terms</source>
        <translation>Betalnings&amp;villkor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The language your invoices are written in</source>
        <translation>Språket dina fakturor skrivs på</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No logo</source>
        <translation>Ingen logotyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a logo file</source>
        <translation>Välj en logotypfil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PNG or JPEG shown at the top of your invoices</source>
        <translation>En PNG eller JPEG överst på dina fakturor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the logo</source>
        <translation>Ta bort logotypen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices are made without a logo</source>
        <translation>Fakturor görs utan logotyp</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{year} is the year of the invoice, {seq:04d} its number in the year with four digits</source>
        <translation>{year} är fakturans år, {seq:04d} dess nummer under året med fyra siffror</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invoice &amp;language</source>
        <translation>Fakturans språ&amp;k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice &amp;numbers</source>
        <translation>Faktura&amp;nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lo&amp;go</source>
        <translation>Lo&amp;gotyp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still missing for invoicing</source>
        <translation>Saknas för fakturering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What an invoice needs that these details do not say yet</source>
        <translation>Vad en faktura behöver som uppgifterna inte anger än</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the details; the next invoices use them</source>
        <translation>Spara uppgifterna; nästa fakturor använder dem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without saving</source>
        <translation>Stäng utan att spara</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Still needed before an invoice can be confirmed:</source>
        <translation>Behövs innan en faktura kan bekräftas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything an invoice needs is filled in.</source>
        <translation>Allt som en faktura behöver är ifyllt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The year&apos;s first invoice: {number}</source>
        <translation>Årets första faktura: {number}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose your logo</source>
        <translation>Välj din logotyp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <location filename="../../coapp/ui/timesheet/delegate.py" line="+17"/>
        <source>Hours</source>
        <translation>Timmar</translation>
    </message>
</context>
<context>
    <name>CertificatesPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/certificates_panel.py" line="+19"/>
        <source>Certificates</source>
        <translation>Certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add certificate…</source>
        <translation>Lägg till certifikat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a certificate or certification (Insert)</source>
        <translation>Lägg till ett certifikat eller en certifiering (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your certificates</source>
        <translation>Dina certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No certificates yet: add the ones buyers ask for, e.g. AWS or Scrum.</source>
        <translation>Inga certifikat än: lägg till dem som beställare frågar efter, t.ex. AWS eller Scrum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem with a certificate</source>
        <translation>Problem med ett certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add certificate</source>
        <translation>Lägg till certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit certificate</source>
        <translation>Redigera certifikat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the certificate&apos;s name</source>
        <translation>Skriv certifikatets namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Utfärdare</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amazon Web Services</source>
        <translation>Amazon Web Services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>Utfärdat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expires</source>
        <translation>Går ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2027-03, or empty if it does not</source>
        <translation>2027-03, eller tomt om det inte går ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires before it was issued ({other})</source>
        <translation>Går ut innan det utfärdades ({other})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web address</source>
        <translation>Webbadress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where it can be verified</source>
        <translation>Där det kan kontrolleras</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>expires {month}</source>
        <translation>går ut {month}</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../coapp/ui/insights/charts.py" line="+60"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This chart&apos;s numbers as a CSV file</source>
        <translation>Diagrammets siffror som CSV-fil</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Left and right arrows step through the values</source>
        <translation>Vänster- och högerpil stegar genom värdena</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The exact values at the pointer, or at the arrow keys&apos; place</source>
        <translation>De exakta värdena vid pekaren, eller där piltangenterna står</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No time reported in this period.</source>
        <translation>Ingen tid rapporterad under perioden.</translation>
    </message>
</context>
<context>
    <name>CompletenessCard</name>
    <message>
        <location filename="../../coapp/ui/profile/completeness_card.py" line="+51"/>
        <source>Add your name</source>
        <translation>Lägg till ditt namn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a professional title, e.g. “Senior backend developer”</source>
        <translation>Lägg till en yrkestitel, t.ex. ”Senior backendutvecklare”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add your e-mail address</source>
        <translation>Lägg till din e-postadress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a phone number</source>
        <translation>Lägg till ett telefonnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the city and country you work from</source>
        <translation>Lägg till orten och landet du arbetar från</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the languages you speak, with a level (A1–C2 or native)</source>
        <translation>Lägg till språken du talar, med nivå (A1–C2 eller modersmål)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say from when and how much you are available (availability)</source>
        <translation>Ange från när och hur mycket du är tillgänglig (tillgänglighet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add your hourly or daily rate</source>
        <translation>Lägg till ditt tim- eller dagspris</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a personal letter; {low}–{high} words read best</source>
        <translation>Skriv ett personligt brev; {low}–{high} ord läses bäst</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your letter has 1 word; {low}–{high} read best</source>
        <translation>Ditt brev har 1 ord; {low}–{high} läses bäst</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your letter has {words} words; {low}–{high} read best</source>
        <translation>Ditt brev har {words} ord; {low}–{high} läses bäst</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add your work experience, the jobs and assignments you are proud of</source>
        <translation>Lägg till din erfarenhet, de anställningar och uppdrag du är stolt över</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Describe what you did as {role} at {organisation}</source>
        <translation>Beskriv vad du gjorde som {role} på {organisation}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add the skills you used at {organisation}</source>
        <translation>Lägg till kompetenserna du använde på {organisation}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add your education</source>
        <translation>Lägg till din utbildning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add your skills; at least {n} help matching</source>
        <translation>Lägg till dina kompetenser; minst {n} hjälper matchningen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You list 1 skill; add at least {n}</source>
        <translation>Du har angett 1 kompetens; lägg till minst {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You list {count} skills; add at least {n}</source>
        <translation>Du har angett {count} kompetenser; lägg till minst {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give a level (1–5) for {names}</source>
        <translation>Ange en nivå (1–5) för {names}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a link to your LinkedIn profile, GitHub or portfolio</source>
        <translation>Lägg till en länk till din LinkedIn-profil, GitHub eller portfolio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a certificate, an award or a reference</source>
        <translation>Lägg till ett certifikat, en utmärkelse eller en referens</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Completeness</source>
        <translation>Fullständighet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Profile completeness</source>
        <translation>Profilens fullständighet</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{n} % complete</source>
        <translation>{n} % klar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What would raise it most:</source>
        <translation>Det här höjer den mest:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your profile is complete.</source>
        <translation>Din profil är komplett.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Goes to the place to fix it</source>
        <translation>Går till stället där du fixar det</translation>
    </message>
</context>
<context>
    <name>ContractDetail</name>
    <message>
        <location filename="../../coapp/ui/contracts/detail.py" line="+70"/>
        <source>Terms</source>
        <translation>Villkor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scope</source>
        <translation>Omfattning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>Arvode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours per day</source>
        <translation>Timmar per dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time rounding</source>
        <translation>Tidsavrundning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terms</source>
        <translation>Betalningsvillkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Commission</source>
        <translation>Provision</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>So far</source>
        <translation>Hittills</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported</source>
        <translation>Rapporterat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoiced</source>
        <translation>Fakturerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement value</source>
        <translation>Avtalsvärde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT on it</source>
        <translation>Moms på det</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are paid</source>
        <translation>Du får</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed fee</source>
        <translation>Fast arvode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left of the fee</source>
        <translation>Kvar av arvodet</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Read the terms above. To sign, type your full name and confirm; the platform records the time and the version of the terms you signed.</source>
        <translation>Läs villkoren ovan. Skriv ditt fullständiga namn och bekräfta för att signera; plattformen registrerar tidpunkten och vilken version av villkoren du signerade.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Your full name</source>
        <translation>Ditt fullständiga namn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I have read these terms and agree to them</source>
        <translation>Jag har läst villkoren och godkänner dem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign contract</source>
        <translation>Signera avtalet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign these terms with the name typed (needs the platform)</source>
        <translation>Signera villkoren med det skrivna namnet (kräver plattformen)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+4"/>
        <source>Milestones</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Milestone</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draft the invoice…</source>
        <translation>Skapa fakturautkast…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft the invoice to the platform for the chosen milestone when it is ready</source>
        <translation>Skapa fakturautkastet till plattformen för det valda delmålet när det är klart</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Feedback on your work</source>
        <translation>Omdömen om ditt arbete</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feedback history</source>
        <translation>Omdömen över tid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest first: who gave it, the scores and the comment</source>
        <translation>Nyast först: vem som gav det, betygen och kommentaren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviews</source>
        <translation>Recensioner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review the client…</source>
        <translation>Recensera kunden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score the client from 1 to 5 and say a few words; sent once, never changed</source>
        <translation>Betygsätt kunden från 1 till 5 och skriv några ord; skickas en gång och ändras aldrig</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>1 day after the invoice date</source>
        <translation>1 dag efter fakturadatum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} days after the invoice date</source>
        <translation>{days} dagar efter fakturadatum</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>until further notice</source>
        <translation>tills vidare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(extended; it first ended {day})</source>
        <translation>(förlängt; slutade först {day})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ended {day}</source>
        <translation>Avslutat {day}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{hours} h</source>
        <translation>{hours} tim</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own contract, outside the platform: nothing to sign.</source>
        <translation>Ditt eget avtal, utanför plattformen: inget att signera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by {name} on {day}, terms version {version}</source>
        <translation>Signerat av {name} den {day}, villkorsversion {version}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not signed yet (terms version {version})</source>
        <translation>Inte signerat än (villkorsversion {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never signed</source>
        <translation>Aldrig signerat</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>reverse charge: the platform&apos;s VAT is yours to report</source>
        <translation>omvänd skattskyldighet: plattformens moms redovisar du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT {rate} {vat}</source>
        <translation>moms {rate} {vat}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{rate} of the value: {amount} ({vat})</source>
        <translation>{rate} av värdet: {amount} ({vat})</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The platform adds the milestones of a fixed fee; none yet.</source>
        <translation>Plattformen lägger in delmålen för ett fast arvode; inga än.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A milestone is invoiced when the platform marks it ready.</source>
        <translation>Ett delmål faktureras när plattformen markerar det som klart.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a milestone that is ready to invoice.</source>
        <translation>Välj ett delmål som är klart att fakturera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The invoice goes to the platform, for this milestone&apos;s amount.</source>
        <translation>Fakturan går till plattformen, på delmålets belopp.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No feedback was given on this contract.</source>
        <translation>Inga omdömen gavs på det här avtalet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No feedback yet: the client and your agent give it during the assignment.</source>
        <translation>Inga omdömen än: kunden och din agent ger dem under uppdraget.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overall {score} of 5 from {n} feedback</source>
        <translation>Sammantaget {score} av 5 från {n} omdömen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>quality {q}, communication {c}, delivery {d}, expertise {e}</source>
        <translation>kvalitet {q}, kommunikation {c}, leverans {d}, expertis {e}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day}, {who} ({name}): overall {overall} — {scores}</source>
        <translation>{day}, {who} ({name}): sammantaget {overall} — {scores}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scores over time</source>
        <translation>Betyg över tid</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your review of the client</source>
        <translation>Din recension av kunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You have not reviewed the client yet.</source>
        <translation>Du har inte recenserat kunden än.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client&apos;s review of you</source>
        <translation>Kundens recension av dig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The client&apos;s review of you shows once you have both written yours, or on {day} at the latest.</source>
        <translation>Kundens recension av dig visas när ni båda har skrivit era, eller senast den {day}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“{text}”</source>
        <translation>”{text}”</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../coapp/ui/timesheet/contract_dialog.py" line="+62"/>
        <source>Add a contract of your own</source>
        <translation>Lägg till ett eget avtal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The company you work for</source>
        <translation>Företaget du arbetar för</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you do, e.g. Backend development</source>
        <translation>Vad du gör, t.ex. Backendutveckling</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Until further notice</source>
        <translation>Tills vidare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contract has no end date yet</source>
        <translation>Avtalet har inget slutdatum än</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first day of the contract</source>
        <translation>Avtalets första dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last day of the contract</source>
        <translation>Avtalets sista dag</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The currency of the rate and the invoices</source>
        <translation>Valutan för priset och fakturorna</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The client&apos;s street and number</source>
        <translation>Kundens gatuadress</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where the client is: it decides the invoice&apos;s VAT</source>
        <translation>Var kunden finns: det avgör fakturans moms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For a business client in another EU country</source>
        <translation>För en företagskund i ett annat EU-land</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+13"/>
        <source>C&amp;lient</source>
        <translation>&amp;Kund</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Client</source>
        <translation>Kund</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>&amp;Work</source>
        <translation>&amp;Uppdrag</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Work</source>
        <translation>Uppdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Hourly &amp;rate</source>
        <translation>Tim&amp;pris</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Hourly rate</source>
        <translation>Timpris</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>&amp;Address</source>
        <translation>&amp;Adress</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Client&apos;s address</source>
        <translation>Kundens adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Client&apos;s c&amp;ountry</source>
        <translation>Kundens &amp;land</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Client&apos;s country</source>
        <translation>Kundens land</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Client&apos;s &amp;VAT number</source>
        <translation>Kundens &amp;momsnummer</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Client&apos;s VAT number</source>
        <translation>Kundens momsnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First day</source>
        <translation>Första dagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>Sista dagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Postcode, city</source>
        <translation>Postnummer, ort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add contract</source>
        <translation>Lägg till avtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the contract; its row appears in the timesheet</source>
        <translation>Lägg till avtalet; dess rad visas i tidrapporten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without adding</source>
        <translation>Stäng utan att lägga till</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reverse charge: the client accounts for the VAT</source>
        <translation>Omvänd skattskyldighet: kunden redovisar momsen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No VAT: services sold outside the EU</source>
        <translation>Ingen moms: tjänster sålda utanför EU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VAT {rate} is added to the invoice</source>
        <translation>Moms {rate} läggs på fakturan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the hourly rate.</source>
        <translation>Skriv timpriset.</translation>
    </message>
</context>
<context>
    <name>Contracts</name>
    <message>
        <location filename="../../coapp/ui/contracts/texts.py" line="+27"/>
        <source>Offered</source>
        <translation>Erbjudet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>Signerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminated</source>
        <translation>Avbrutet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your own</source>
        <translation>Eget</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hourly rate</source>
        <translation>Timpris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily rate</source>
        <translation>Dagspris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed fee with milestones</source>
        <translation>Fast arvode med delmål</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>per hour</source>
        <translation>per timme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per day</source>
        <translation>per dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in all</source>
        <translation>totalt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reported minutes are billed as they are</source>
        <translation>Rapporterade minuter faktureras som de är</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each entry</source>
        <translation>varje post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each day&apos;s total</source>
        <translation>varje dags summa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{scope} rounded up to {step} minutes</source>
        <translation>{scope} avrundas uppåt till {step} minuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{scope} rounded to the nearest {step} minutes</source>
        <translation>{scope} avrundas till närmaste {step} minuter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Planned</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to invoice</source>
        <translation>Klart att fakturera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoiced</source>
        <translation>Fakturerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the client</source>
        <translation>kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your agent</source>
        <translation>din agent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each feedback&apos;s overall score is the plain mean of its four scores (quality, communication, delivery, expertise; equal weights). The contract&apos;s overall score is the plain mean of those, every feedback weighing the same, rounded half up to two decimals.</source>
        <translation>Varje omdömes sammantagna betyg är det enkla medelvärdet av dess fyra betyg (kvalitet, kommunikation, leverans, expertis; lika vikt). Avtalets sammantagna betyg är det enkla medelvärdet av dem, där varje omdöme väger lika, avrundat till två decimaler (hälften uppåt).</translation>
    </message>
</context>
<context>
    <name>ContractsScreen</name>
    <message>
        <location filename="../../coapp/ui/contracts/screen.py" line="+55"/>
        <location line="+7"/>
        <source>Contracts</source>
        <translation>Avtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add your own…</source>
        <translation>Lägg till eget…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contract of your own, for work outside the platform</source>
        <translation>Ett eget avtal, för arbete utanför plattformen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save PDF…</source>
        <translation>Spara PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chosen contract&apos;s terms and figures as a PDF</source>
        <translation>Det valda avtalets villkor och siffror som PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contract messages</source>
        <translation>Meddelanden om avtal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your contracts</source>
        <translation>Dina avtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest first; an offer waiting for your signature comes first</source>
        <translation>Nyast först; ett erbjudande som väntar på din signatur kommer först</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No contracts yet. An offer shows here when a client chooses you (Applications, Ctrl+4); for work outside the platform, add a contract of your own.</source>
        <translation>Inga avtal än. Ett erbjudande visas här när en kund väljer dig (Ansökningar, Ctrl+4); för arbete utanför plattformen lägger du till ett eget avtal.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The chosen contract</source>
        <translation>Det valda avtalet</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{n} contracts</source>
        <translation>{n} avtal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 contract</source>
        <translation>1 avtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} waiting for your signature</source>
        <translation>{n} väntar på din signatur</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Sign in to the platform first (Account ▸ Sign in…).</source>
        <translation>Logga in på plattformen först (Konto ▸ Logga in…).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Type your full name to sign (2 to 200 characters on one line).</source>
        <translation>Skriv ditt fullständiga namn för att signera (2 till 200 tecken på en rad).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not signed: the platform changed the terms since you read them (now version {version}). Read the new terms and sign again.</source>
        <translation>Inte signerat: plattformen har ändrat villkoren sedan du läste dem (nu version {version}). Läs de nya villkoren och signera igen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed. The contract is in force; report your time on the timesheet.</source>
        <translation>Signerat. Avtalet gäller; rapportera din tid i tidrapporten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not signed: signing needs the platform&apos;s current terms. Connect and try again.</source>
        <translation>Inte signerat: signering kräver plattformens aktuella villkor. Anslut och försök igen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signing…</source>
        <translation>Signerar…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Review sent. It stays as written.</source>
        <translation>Recensionen skickad. Den står kvar som den skrevs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not sent: a review is written on the platform, where it never changes. Connect and try again.</source>
        <translation>Inte skickad: en recension skrivs på plattformen, där den aldrig ändras. Anslut och försök igen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Save PDF</source>
        <translation>Spara PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {path}.</source>
        <translation>Sparade {path}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save {path}: {reason}</source>
        <translation>Kunde inte spara {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <location filename="../../coapp/ui/profile/photo_crop.py" line="+248"/>
        <source>Crop your photo</source>
        <translation>Beskär ditt foto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drag the square to move it, drag a corner to resize it. Arrow keys move it; Shift+arrow keys resize it.</source>
        <translation>Dra kvadraten för att flytta den, dra i ett hörn för att ändra storleken. Piltangenterna flyttar den; Skift+piltangenterna ändrar storleken.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Part of {name} to use</source>
        <translation>Den del av {name} som ska användas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow keys move the square; Shift+arrow keys resize it</source>
        <translation>Piltangenterna flyttar kvadraten; Skift+piltangenterna ändrar storleken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview of the photo</source>
        <translation>Förhandsvisning av fotot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Förhandsvisning</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Use photo</source>
        <translation>Använd fotot</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../coapp/ui/dashboard/screen.py" line="+52"/>
        <location line="+4"/>
        <source>Dashboard</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading your week, applications and assignments…</source>
        <translation>Läser din vecka, dina ansökningar och uppdrag…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report time</source>
        <translation>Rapportera tid</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Open the timesheet (Ctrl+5)</source>
        <translation>Öppna tidrapporten (Ctrl+5)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>This week</source>
        <translation>Den här veckan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timesheet</source>
        <translation>Tidrapport</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Invoices to confirm</source>
        <translation>Fakturor att bekräfta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the invoices (Ctrl+6)</source>
        <translation>Öppna fakturorna (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+6"/>
        <source>Applications</source>
        <translation>Ansökningar</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+3"/>
        <source>Open the applications (Ctrl+4)</source>
        <translation>Öppna ansökningarna (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upcoming interviews</source>
        <translation>Kommande intervjuer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assignments for you</source>
        <translation>Uppdrag för dig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignments</source>
        <translation>Uppdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the assignments (Ctrl+3)</source>
        <translation>Öppna uppdragen (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your agent</source>
        <translation>Din agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Meddelanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the messages (Ctrl+4)</source>
        <translation>Öppna meddelandena (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Could not read the dashboard: {reason}</source>
        <translation>Kunde inte läsa översikten: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Updated {time} · {week}</source>
        <translation>Uppdaterad {time} · {week}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{reported} of {expected} hours</source>
        <translation>{reported} av {expected} timmar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title} · {client} — {reported} of {expected}</source>
        <translation>{title} · {client} — {reported} av {expected}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No contract runs this week. Add one on the timesheet: Time → Add contract.</source>
        <translation>Inget avtal löper den här veckan. Lägg till ett i tidrapporten: Tid → Lägg till avtal.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 waiting</source>
        <translation>1 väntar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} waiting</source>
        <translation>{n} väntar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to confirm. Make a draft from the timesheet with Ctrl+I.</source>
        <translation>Inget att bekräfta. Gör ett utkast från tidrapporten med Ctrl+I.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · updated</source>
        <translation> · uppdaterad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} in play</source>
        <translation>{n} pågående</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No applications in play. Choose an assignment (Ctrl+3) and apply with your rate.</source>
        <translation>Inga pågående ansökningar. Välj ett uppdrag (Ctrl+3) och ansök med ditt arvode.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> · your agent attends</source>
        <translation> · din agent deltar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No interviews booked. When your agent books one, it shows here.</source>
        <translation>Inga intervjuer bokade. När din agent bokar en syns den här.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>★ {title} · {client} — match {score}</source>
        <translation>★ {title} · {client} — matchning {score}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> · new</source>
        <translation> · ny</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} · {client} — match {score}</source>
        <translation>{title} · {client} — matchning {score}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No favourites or strong matches yet. A fuller profile (Ctrl+2) finds better ones; sync (F5) for new assignments.</source>
        <translation>Inga favoriter eller starka matchningar än. En fylligare profil (Ctrl+2) hittar bättre; synka (F5) för nya uppdrag.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>1 unread message</source>
        <translation>1 oläst meddelande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} unread messages</source>
        <translation>{n} olästa meddelanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your agent is named when you first apply or when the platform assigns one.</source>
        <translation>Din agent anges när du ansöker första gången eller när plattformen utser en.</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <location filename="../../coapp/ui/data_safety/menu.py" line="+60"/>
        <source>&amp;Restore from backup…</source>
        <translation>Åter&amp;ställ från säkerhetskopia…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export all data…</source>
        <translation>&amp;Exportera alla data…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+89"/>
        <source>Request account &amp;deletion…</source>
        <translation>Begär att kontot &amp;raderas…</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Check for &amp;updates</source>
        <translation>Sök efter &amp;uppdateringar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export all data</source>
        <translation>Exportera alla data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-filer (*.zip)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cancel account &amp;deletion…</source>
        <translation>Återkalla &amp;radering av kontot…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The backup is restored. What was here before is kept as a backup too.</source>
        <translation>Säkerhetskopian är återställd. Det som fanns här innan finns kvar som säkerhetskopia.</translation>
    </message>
</context>
<context>
    <name>DeletionDialog</name>
    <message>
        <location filename="../../coapp/ui/data_safety/deletion_dialog.py" line="+61"/>
        <location line="+140"/>
        <source>Request account deletion</source>
        <translation>Begär att kontot raderas</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>The platform deletes your account and what it holds about you: your profile, applications and messages. It records your request now and deletes the account after 30 days; until then, you can cancel the request here. Invoices the law requires it to keep are kept until that time ends.</source>
        <translation>Plattformen raderar ditt konto och det den har om dig: din profil, dina ansökningar och meddelanden. Den registrerar din begäran nu och raderar kontot efter 30 dagar; fram till dess kan du återkalla begäran här. Fakturor som lagen kräver att den sparar sparas tills den tiden har gått ut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The data on this computer stays as it is. Export it first if you want a copy in a form other programs read.</source>
        <translation>Dina data på den här datorn ligger kvar som de är. Exportera dem först om du vill ha en kopia som andra program kan läsa.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export all data…</source>
        <translation>&amp;Exportera alla data…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export all data</source>
        <translation>Exportera alla data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save all your data to a ZIP file first</source>
        <translation>Spara först alla dina data i en ZIP-fil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your e-mail address</source>
        <translation>Din e-postadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the account&apos;s e-mail address to confirm</source>
        <translation>Skriv kontots e-postadress för att bekräfta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why you leave, if you want to say (optional)</source>
        <translation>Varför du slutar, om du vill berätta (frivilligt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E-mail address:</source>
        <translation>E-postadress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (optional):</source>
        <translation>Anledning (frivillig):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Request deletion</source>
        <translation>&amp;Begär radering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request deletion</source>
        <translation>Begär radering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the deletion request to the platform</source>
        <translation>Skicka begäran om radering till plattformen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close without sending anything</source>
        <translation>Stäng utan att skicka något</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+39"/>
        <source>Sign in to the platform first (Account ▸ Sign in…): the request is sent there.</source>
        <translation>Logga in på plattformen först (Konto ▸ Logga in…): begäran skickas dit.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>To confirm, type the e-mail address of your account: {email}</source>
        <translation>Bekräfta genom att skriva ditt kontos e-postadress: {email}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Asking the platform whether a deletion request is pending…</source>
        <translation>Frågar plattformen om det finns en begäran om radering…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The platform cannot be reached, so coapp cannot tell whether a deletion request is pending. Try again when you are online.</source>
        <translation>Plattformen går inte att nå, så coapp kan inte se om det finns en begäran om radering. Försök igen när du är uppkopplad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The platform did not say whether a request is pending: {reason}</source>
        <translation>Plattformen svarade inte på om det finns en begäran: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account deletion requested</source>
        <translation>Radering av kontot begärd</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The deletion request is cancelled: your account stays as it is.</source>
        <translation>Begäran om radering är återkallad: ditt konto finns kvar som det är.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sending the request to the platform…</source>
        <translation>Skickar begäran till plattformen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The platform recorded your request.</source>
        <translation>Plattformen har registrerat din begäran.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The platform cannot be reached, so nothing was sent. Try again when you are online.</source>
        <translation>Plattformen går inte att nå, så ingenting skickades. Försök igen när du är uppkopplad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in to the platform first (Account ▸ Sign in…). Nothing was sent.</source>
        <translation>Logga in på plattformen först (Konto ▸ Logga in…). Ingenting skickades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The platform refused the request: {reason}</source>
        <translation>Plattformen avböjde begäran: {reason}</translation>
    </message>
</context>
<context>
    <name>DesktopCitizen</name>
    <message>
        <location filename="../../coapp/ui/desktop/citizen.py" line="+38"/>
        <source>&amp;Copy diagnostic information</source>
        <translation>&amp;Kopiera diagnostikinformation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;log…</source>
        <translation>Visa &amp;logg…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Diagnostic information copied; it holds no personal data.</source>
        <translation>Diagnostikinformationen är kopierad; den innehåller inga personuppgifter.</translation>
    </message>
</context>
<context>
    <name>DesktopPreferences</name>
    <message>
        <location filename="../../coapp/ui/desktop/preferences.py" line="+37"/>
        <source>&amp;Keep coapp in the system tray when its window is closed</source>
        <translation>&amp;Behåll coapp i systemfältet när fönstret stängs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The timer and reminders go on; quit from the tray&apos;s menu</source>
        <translation>Timern och påminnelserna fortsätter; avsluta från menyn i systemfältet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desktop shows no system tray, so closing the window quits coapp</source>
        <translation>Skrivbordet visar inget systemfält, så coapp avslutas när fönstret stängs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep in the system tray</source>
        <translation>Behåll i systemfältet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remind me of missing time, closing weeks and drafts</source>
        <translation>&amp;Påminn mig om saknad tid, veckor som stänger och utkast</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reminders</source>
        <translation>Påminnelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days without time, the week&apos;s and month&apos;s last day, invoices to confirm</source>
        <translation>Arbetsdagar utan tid, veckans och månadens sista dag, fakturor att bekräfta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reminder time</source>
        <translation>Tid för påminnelser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reminders are shown from this time of day</source>
        <translation>Påminnelser visas från den här tiden på dagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quiet hours</source>
        <translation>T&amp;ysta timmar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quiet hours</source>
        <translation>Tysta timmar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No reminders between these times</source>
        <translation>Inga påminnelser mellan dessa tider</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quiet from</source>
        <translation>Tyst från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet until</source>
        <translation>Tyst till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quiet hours may run past midnight</source>
        <translation>Tysta timmar kan gå över midnatt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never ask</source>
        <translation>Fråga aldrig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Away from the computer</source>
        <translation>Borta från datorn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Away this long while a timer runs: ask whether to keep the time</source>
        <translation>Så länge borta medan en timer går: fråga om tiden ska behållas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remind &amp;at</source>
        <translation>Påminn &amp;klockan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask about time a&amp;way after</source>
        <translation>Fråga om tid bo&amp;rta efter</translation>
    </message>
</context>
<context>
    <name>DesktopTray</name>
    <message>
        <location filename="../../coapp/ui/desktop/tray.py" line="+56"/>
        <source>coapp in the system tray</source>
        <translation>coapp i systemfältet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the timer</source>
        <translation>Stoppa timern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add time today…</source>
        <translation>Rapportera tid i dag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open coapp</source>
        <translation>Öppna coapp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Synkronisera nu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit coapp</source>
        <translation>Avsluta coapp</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No timer is running</source>
        <translation>Ingen timer går</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stop {contract}</source>
        <translation>Stoppa {contract}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start {contract}</source>
        <translation>Starta {contract}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>coapp is still running</source>
        <translation>coapp är fortfarande igång</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It stays in the system tray with your timer. Quit it from the tray&apos;s menu.</source>
        <translation>Den ligger kvar i systemfältet med din timer. Avsluta den från menyn i systemfältet.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../coapp/ui/assignments/detail.py" line="+37"/>
        <location line="+90"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Keep it among your favourites (Ctrl+D)</source>
        <translation>Spara bland dina favoriter (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply…</source>
        <translation>Ansök…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer your resume and rate; nothing is sent before you consent (Ctrl+Shift+A)</source>
        <translation>Erbjud ditt CV och arvode; inget skickas innan du samtycker (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>How well it matches</source>
        <translation>Hur väl det matchar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About the assignment</source>
        <translation>Om uppdraget</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose an assignment to see what it asks and how well it matches.</source>
        <translation>Välj ett uppdrag för att se vad det kräver och hur väl det matchar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Applied: waiting for the next sync</source>
        <translation>Ansökt: väntar på nästa synkning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: submitted</source>
        <translation>Ansökt: skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: proposed to the client</source>
        <translation>Ansökt: presenterad för kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: interview</source>
        <translation>Ansökt: intervju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: offer</source>
        <translation>Ansökt: erbjudande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: contracted</source>
        <translation>Ansökt: avtal klart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: declined</source>
        <translation>Ansökt: nej tack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied: withdrawn</source>
        <translation>Ansökt: återkallad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed for applications</source>
        <translation>Stängt för ansökningar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>★ Favourite</source>
        <translation>★ Favorit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>☆ Favourite</source>
        <translation>☆ Favorit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Favourite, on</source>
        <translation>Favorit, markerad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rate</source>
        <translation>Arvode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extent</source>
        <translation>Omfattning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{percent} % (1 hour a week)</source>
        <translation>{percent} % (1 timme i veckan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{percent} % ({hours} hours a week)</source>
        <translation>{percent} % ({hours} timmar i veckan)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniority</source>
        <translation>Senioritet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must have</source>
        <translation>Krav</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nice to have</source>
        <translation>Meriterande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply by</source>
        <translation>Sista ansökningsdag</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{score} % match</source>
        <translation>{score} % matchning</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for</source>
        <translation>för</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>against</source>
        <translation>emot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to say yet.</source>
        <translation>Inget att säga ännu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No description.</source>
        <translation>Ingen beskrivning.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>until further notice</source>
        <translation>tills vidare</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Junior</source>
        <translation>Junior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mid-level</source>
        <translation>Medior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senior</source>
        <translation>Senior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <location filename="../../coapp/ui/profile/details_form.py" line="+36"/>
        <source>Personal details</source>
        <translation>Personuppgifter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As on your resume</source>
        <translation>Som på ditt CV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Senior backend developer</source>
        <translation>Senior backendutvecklare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where you work from</source>
        <translation>Där du arbetar ifrån</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SE, DE, …</source>
        <translation>SE, DE, …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Available from</source>
        <translation>Tillgänglig från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Availability (%)</source>
        <translation>Tillgänglighet (%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hourly rate</source>
        <translation>Timpris</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What you ask per hour</source>
        <translation>Vad du begär per timme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily rate</source>
        <translation>Dagspris</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What you ask per day</source>
        <translation>Vad du begär per dag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Problem with the personal details</source>
        <translation>Problem med personuppgifterna</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Correct the field; it saves when you leave it.</source>
        <translation>Rätta fältet; det sparas när du lämnar det.</translation>
    </message>
</context>
<context>
    <name>EarlierVersionsButton</name>
    <message>
        <location filename="../../coapp/ui/profile/letter_versions.py" line="+82"/>
        <source>Earlier versions…</source>
        <translation>Tidigare versioner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters a sync replaced, kept by the platform; bring one back</source>
        <translation>Brev som en synkning ersatte, sparade av plattformen; ta tillbaka ett</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Earlier versions of the letter</source>
        <translation>Tidigare versioner av brevet</translation>
    </message>
</context>
<context>
    <name>EarlierVersionsDialog</name>
    <message>
        <location line="+11"/>
        <source>Asking the platform…</source>
        <translation>Frågar plattformen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Earlier versions</source>
        <translation>Tidigare versioner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chosen version</source>
        <translation>Den valda versionen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore this version</source>
        <translation>Återställ den här versionen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No earlier versions yet: the platform keeps a text when a sync replaces it.</source>
        <translation>Inga tidigare versioner ännu: plattformen sparar en text när en synkning ersätter den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The platform keeps the texts a sync replaced, newest first. Choose one to read it.</source>
        <translation>Plattformen sparar texterna som en synkning ersatte, nyaste först. Välj en för att läsa den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in to see the earlier versions the platform keeps.</source>
        <translation>Logga in för att se de tidigare versioner som plattformen sparar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: the earlier versions are on the platform; try again when the network is back.</source>
        <translation>Offline: de tidigare versionerna finns på plattformen; försök igen när nätverket är tillbaka.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The platform did not answer: {reason}</source>
        <translation>Plattformen svarade inte: {reason}</translation>
    </message>
</context>
<context>
    <name>EarningsChart</name>
    <message>
        <location filename="../../coapp/ui/insights/charts.py" line="+92"/>
        <source>agreement value</source>
        <translation>avtalsvärde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commission</source>
        <translation>provision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payout</source>
        <translation>utbetalning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT</source>
        <translation>moms</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No invoices issued in this period.</source>
        <translation>Inga fakturor utfärdade under perioden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{month}: agreement value {value}, commission {commission} (its VAT {commission_vat}), VAT {vat}, payout {payout}</source>
        <translation>{month}: avtalsvärde {value}, provision {commission} (moms på den {commission_vat}), moms {vat}, utbetalning {payout}</translation>
    </message>
</context>
<context>
    <name>EducationPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/education_panel.py" line="+19"/>
        <source>Education</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add education…</source>
        <translation>Lägg till utbildning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a school, university or course (Insert)</source>
        <translation>Lägg till en skola, ett universitet eller en kurs (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your education</source>
        <translation>Din utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No education yet: add your degrees and the schools you went to.</source>
        <translation>Ingen utbildning än: lägg till dina examina och skolorna du har gått i.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem with an education</source>
        <translation>Problem med en utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add education</source>
        <translation>Lägg till utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit education</source>
        <translation>Redigera utbildning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the name of the school</source>
        <translation>Skriv skolans namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Examen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Master of Science</source>
        <translation>Civilingenjör</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field of study</source>
        <translation>Ämnesområde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Computer science</source>
        <translation>Datavetenskap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start month</source>
        <translation>Startmånad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the month you started, like 2016-08</source>
        <translation>Skriv månaden du började, som 2016-08</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End month</source>
        <translation>Slutmånad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2021-06, or empty while you study</source>
        <translation>2021-06, eller tomt medan du studerar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ends before it starts ({other})</source>
        <translation>Slutar innan den börjar ({other})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <location filename="../../coapp/ui/error_dialogs.py" line="+29"/>
        <source>coapp can put the newest backup in its place; the damaged file is kept beside it.</source>
        <translation>coapp kan lägga den senaste säkerhetskopian på dess plats; den skadade filen sparas bredvid.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore newest backup</source>
        <translation>Återställ senaste säkerhetskopian</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Something went wrong: {error}</source>
        <translation>Något gick fel: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your data is safe. The details are in the log file; please report them.</source>
        <translation>Dina data är i säkerhet. Detaljerna finns i loggfilen; rapportera dem gärna.</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../coapp/ui/error_messages.py" line="+460"/>
        <source>agent</source>
        <comment>Actor</comment>
        <translation>agenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>freelancer</source>
        <comment>Actor</comment>
        <translation>konsulten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contracted</source>
        <comment>ApplicationState</comment>
        <translation>avtalad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <comment>ApplicationState</comment>
        <translation>avböjd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft</source>
        <comment>ApplicationState</comment>
        <translation>ett utkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interview</source>
        <comment>ApplicationState</comment>
        <translation>i intervjuskedet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offer</source>
        <comment>ApplicationState</comment>
        <translation>i erbjudandeskedet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed</source>
        <comment>ApplicationState</comment>
        <translation>föreslagen för kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <comment>ApplicationState</comment>
        <translation>inskickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <comment>ApplicationState</comment>
        <translation>återkallad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agent</source>
        <comment>ContractActor</comment>
        <translation>agenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>freelancer</source>
        <comment>ContractActor</comment>
        <translation>konsulten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>platform</source>
        <comment>ContractActor</comment>
        <translation>plattformen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <comment>ContractState</comment>
        <translation>aktivt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended</source>
        <comment>ContractState</comment>
        <translation>avslutat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offered</source>
        <comment>ContractState</comment>
        <translation>erbjudet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed</source>
        <comment>ContractState</comment>
        <translation>signerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terminated</source>
        <comment>ContractState</comment>
        <translation>avbrutet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily</source>
        <comment>FeeModel</comment>
        <translation>dagspris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed</source>
        <comment>FeeModel</comment>
        <translation>fast pris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hourly</source>
        <comment>FeeModel</comment>
        <translation>timpris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <comment>InvoiceState</comment>
        <translation>bekräftad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credited</source>
        <comment>InvoiceState</comment>
        <translation>krediterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft</source>
        <comment>InvoiceState</comment>
        <translation>ett utkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid</source>
        <comment>InvoiceState</comment>
        <translation>betald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <comment>InvoiceState</comment>
        <translation>skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invoiced</source>
        <comment>MilestoneState</comment>
        <translation>fakturerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid</source>
        <comment>MilestoneState</comment>
        <translation>betalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <comment>MilestoneState</comment>
        <translation>planerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <comment>MilestoneState</comment>
        <translation>klart att fakturera</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location line="-478"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot confirm yet:
- {problems}</source>
        <translation>Kan inte bekräftas än:
- {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to sync.</source>
        <translation>Logga in för att synkronisera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} cannot be read ({problem}). Nothing was changed.</source>
        <translation>Säkerhetskopian {path} går inte att läsa ({problem}). Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} cannot be read ({reason}). Nothing was changed.</source>
        <translation>Säkerhetskopian {path} går inte att läsa ({reason}). Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} is damaged ({problem}). Nothing was changed.</source>
        <translation>Säkerhetskopian {path} är skadad ({problem}). Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} was made by a newer coapp. Nothing was changed.</source>
        <translation>Säkerhetskopian {path} gjordes av en nyare coapp. Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database {path} is damaged ({problem}). The newest backup is {newest}.</source>
        <translation>Databasen {path} är skadad ({problem}). Den senaste säkerhetskopian är {newest}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database {path} is damaged ({problem}). There is no backup yet.</source>
        <translation>Databasen {path} är skadad ({problem}). Det finns ingen säkerhetskopia än.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no backup at {path}. Nothing was changed.</source>
        <translation>Det finns ingen säkerhetskopia på {path}. Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no backup number {index}; `coapp backup list` shows {count}.</source>
        <translation>Det finns ingen säkerhetskopia nummer {index}; `coapp backup list` visar {count}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This data folder belongs to {email}. Sign in as that account, or start coapp with another data folder (--data-dir) for this one.</source>
        <translation>Den här datamappen tillhör {email}. Logga in med det kontot, eller starta coapp med en annan datamapp (--data-dir) för det här kontot.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT number</source>
        <translation>momsregistreringsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT numbers from {code} cannot be checked here</source>
        <translation>momsregistreringsnummer från {code} kan inte kontrolleras här</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT rates of {country} before {first} are not known to coapp</source>
        <translation>coapp känner inte till momssatserna i {country} före {first}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT rules are known for {countries}, not for {code}</source>
        <translation>momsreglerna är kända för {countries}, inte för {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your session has ended; sign in again to sync.</source>
        <translation>Din session har upphört; logga in igen för att synkronisera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a BIC is missing beside the IBAN</source>
        <translation>BIC saknas bredvid IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a VAT date must be a date, not {kind}</source>
        <translation>ett momsdatum måste vara ett datum, inte {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a VAT rate cannot be negative ({percent} %)</source>
        <translation>en momssats kan inte vara negativ ({percent} %)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a bankgiro, plusgiro or IBAN is missing for the payment</source>
        <translation>bankgiro, plusgiro eller IBAN saknas för betalningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a contract needs a client and a title</source>
        <translation>ett avtal behöver en kund och en titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a contract that is {current} cannot become {target}</source>
        <translation>ett avtal som är {current} kan inte bli {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a country must be a two-letter code such as SE</source>
        <translation>ett land måste anges med en kod på två bokstäver, t.ex. SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a credit note cannot itself be credited</source>
        <translation>en kreditfaktura kan inte själv krediteras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a crop is three whole numbers: left, top and side, in pixels</source>
        <translation>en beskärning är tre heltal: vänster, överkant och sida, i pixlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date is needed here, not an empty text</source>
        <translation>här behövs ett datum, inte en tom text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a day has at most 24 hours</source>
        <translation>ett dygn har högst 24 timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a duration must be text</source>
        <translation>en tidsåtgång måste vara text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a fixed fee is invoiced to the platform one milestone at a time: draft it from a milestone that is ready (coapp invoice draft CONTRACT --milestone ID)</source>
        <translation>ett fast arvode faktureras plattformen ett delmål i taget: gör utkastet från ett delmål som är klart (coapp invoice draft CONTRACT --milestone ID)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a fixed-fee contract is invoiced by milestones, not by reported time</source>
        <translation>ett avtal med fast arvode faktureras per delmål, inte efter rapporterad tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a language must be a code such as sv or en</source>
        <translation>ett språk måste anges med en kod, t.ex. sv eller en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a limited company shows its registered office (säte)</source>
        <translation>ett aktiebolag anger sitt säte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line sold with {what} carries 0 % VAT, not {percent} %</source>
        <translation>en rad som säljs med {what} har 0 % moms, inte {percent} %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a link needs a web address</source>
        <translation>en länk behöver en webbadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a milestone that is {current} becomes {following} next, not {target}</source>
        <translation>ett delmål som är {current} blir {following} härnäst, inte {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a milestone that is {current} has no invoice to credit</source>
        <translation>ett delmål som är {current} har ingen faktura att kreditera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a rate cannot be negative</source>
        <translation>ett timpris kan inte vara negativt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a review is written on the platform, where it never changes; connect and try again</source>
        <translation>ett omdöme skrivs på plattformen, där det aldrig ändras; anslut och försök igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a search is at most {most} characters</source>
        <translation>en sökning är högst {most} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a variant named “{name}” already exists; remove it first</source>
        <translation>det finns redan en variant som heter ”{name}”; ta bort den först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a withdrawal of this application already waits for a sync</source>
        <translation>ett återkallande av ansökan väntar redan på synkronisering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a yes/no preference must be true or false</source>
        <translation>en ja/nej-inställning måste vara sann eller falsk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} has at most {kid_max_length} digits; “{base}” gives {n}</source>
        <translation>{label} har högst {kid_max_length} siffror; ”{base}” ger {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} has at most {ocr_max_length} digits; “{base}” gives {n}</source>
        <translation>{label} har högst {ocr_max_length} siffror; ”{base}” ger {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} is built from a number of zero or more, not {base}</source>
        <translation>{label} byggs av ett tal från noll och uppåt, inte av {base}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} is built from at most {most} digits; “{base}” has {n}</source>
        <translation>{label} byggs av högst {most} siffror; ”{base}” har {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} is built from digits only, not “{base}”</source>
        <translation>{label} byggs bara av siffror, inte av ”{base}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} is built from digits, not from {kind}</source>
        <translation>{label} byggs av siffror, inte av {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} is built from {viite_min_base} to {viite_max_base} digits (leading zeros do not count); “{base}” has {n}</source>
        <translation>{label} byggs av {viite_min_base} till {viite_max_base} siffror (inledande nollor räknas inte); ”{base}” har {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} must be text, not {kind}</source>
        <translation>{label} måste vara text, inte {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {label} needs at least one digit to be built from</source>
        <translation>{label} behöver minst en siffra att byggas av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount_minor: a whole number of minor units (öre, cents)</source>
        <translation>amount_minor: ett heltal i minsta enhet (öre, cent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount_minor: more than zero</source>
        <translation>amount_minor: mer än noll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an answer to an application command was not understood</source>
        <translation>ett svar på ett kommando om en ansökan gick inte att tolka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an application that is {current} cannot become {target}</source>
        <translation>en ansökan som är {current} kan inte bli {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an assignment lists at most 30 {what}</source>
        <translation>ett uppdrag listar högst 30 {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an extent is 1 to 100 %, not {extent}</source>
        <translation>en omfattning är 1 till 100 %, inte {extent}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an identifier must be text, not {kind}</source>
        <translation>ett id-nummer måste vara text, inte {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an invoice number format is needed, e.g. {year}-{seq:04d}</source>
        <translation>ett format för fakturanummer behövs, t.ex. {year}-{seq:04d}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an invoice number format needs {seq} exactly once (it keeps numbers unique)</source>
        <translation>ett format för fakturanummer behöver {seq} exakt en gång (det håller numren unika)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an invoice number may hold letters, digits and - only, not “{literal}”</source>
        <translation>ett fakturanummer får bara innehålla bokstäver, siffror och -, inte ”{literal}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an invoice number must be text, not {kind}</source>
        <translation>ett fakturanummer måste vara text, inte {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an invoice that is {current} cannot become {new}</source>
        <translation>en faktura som är {current} kan inte bli {new}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an {label} is built from at most {rf_max_base} characters, not {n}</source>
        <translation>{label} byggs av högst {rf_max_base} tecken, inte {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an {label} is built from letters and digits, not {kind}</source>
        <translation>{label} byggs av bokstäver och siffror, inte av {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an {label} is built from letters and digits, not “{base}”</source>
        <translation>{label} byggs av bokstäver och siffror, inte av ”{base}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another coapp command is changing this data folder ({folder}); try again when it is done. Nothing was changed.</source>
        <translation>ett annat coapp-kommando ändrar i den här datamappen ({folder}); försök igen när det är klart. Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>availability is 1 to 100 % of full time, not {percent}</source>
        <translation>tillgängligheten är 1 till 100 % av heltid, inte {percent}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bankgiro</source>
        <translation>bankgiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the data folder {folder}: {reason}; choose another folder with --data-dir</source>
        <translation>kan inte skapa datamappen {folder}: {reason}; välj en annan mapp med --data-dir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot use {folder} as the data folder: it is a file, not a folder; choose another folder with --data-dir</source>
        <translation>kan inte använda {folder} som datamapp: det är en fil, inte en mapp; välj en annan mapp med --data-dir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write in the data folder {folder}: {reason}; choose another folder with --data-dir</source>
        <translation>kan inte skriva i datamappen {folder}: {reason}; välj en annan mapp med --data-dir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose Swedish (sv) or English (en)</source>
        <translation>välj svenska (sv) eller engelska (en)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose at least one section for the variant</source>
        <translation>välj minst en del för varianten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose one of {countries}</source>
        <translation>välj ett av {countries}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose sole trader or limited company</source>
        <translation>välj enskild firma eller aktiebolag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose the country first: the number&apos;s rules depend on it</source>
        <translation>välj land först: numrets regler beror på det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coapp may not read {name}: permission denied</source>
        <translation>coapp får inte läsa {name}: åtkomst nekad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coapp&apos;s window has this data folder open ({folder}); make the change there or close the window and try again. Nothing was changed.</source>
        <translation>coapps fönster har den här datamappen öppen ({folder}); gör ändringen där eller stäng fönstret och försök igen. Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comment: at most {comment_max_length} characters</source>
        <translation>kommentar: högst {comment_max_length} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comment: holds characters that cannot be stored</source>
        <translation>kommentar: innehåller tecken som inte kan sparas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comment: text</source>
        <translation>kommentar: text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>company form</source>
        <translation>företagsform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>country</source>
        <translation>land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credit an invoice with a credit note, not by changing its state</source>
        <translation>kreditera en faktura med en kreditfaktura, inte genom att ändra dess status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every line needs a description</source>
        <translation>varje rad behöver en beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fill in your business details (Edit ▸ Business details) before confirming an invoice</source>
        <translation>fyll i dina företagsuppgifter (Redigera ▸ Företagsuppgifter) innan du bekräftar en faktura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give at least {least} characters of the assignment&apos;s id</source>
        <translation>ange minst {least} tecken av uppdragets id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holiday country must be one of {choices}</source>
        <translation>helgdagslandet måste vara ett av {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holidays are known for {countries}, not “{country}”</source>
        <translation>helgdagar är kända för {countries}, inte för ”{country}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours per day must be between 0 and 24</source>
        <translation>timmar per dag måste vara mellan 0 och 24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours per week must be a whole number from 1 to {most}</source>
        <translation>timmar per vecka måste vara ett heltal från 1 till {most}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle minutes must be a whole number from 0 to {max}</source>
        <translation>minuter borta måste vara ett heltal från 0 till {max}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle time must be a whole number of minutes, not {value}</source>
        <translation>tid borta måste vara ett helt antal minuter, inte {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invoice language</source>
        <translation>fakturaspråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invoice number format</source>
        <translation>fakturanummerformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invoice number “{invoice_number}” has no digits to build a payment reference from</source>
        <translation>fakturanumret ”{invoice_number}” har inga siffror att bygga en betalningsreferens av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invoice numbers count from 1</source>
        <translation>fakturanummer räknas från 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language must be one of {choices}</source>
        <translation>språket måste vara ett av {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list at most {max_skills_per_item} skills for one job</source>
        <translation>ange högst {max_skills_per_item} kompetenser för ett uppdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name a contract by its id or the start of its title</source>
        <translation>ange ett avtal med dess id eller början av dess titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name an assignment by its id (or the id&apos;s first characters)</source>
        <translation>ange ett uppdrag med dess id (eller idets första tecken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name the milestone by its id or the id&apos;s first characters</source>
        <translation>ange delmålet med dess id eller idets första tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name: one line without control characters</source>
        <translation>namn: en rad utan styrtecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name: type your full name ({signed_name_min_length} to {signed_name_max_length} characters)</source>
        <translation>namn: skriv ditt fullständiga namn ({signed_name_min_length} till {signed_name_max_length} tecken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name: type your full name to sign</source>
        <translation>namn: skriv ditt fullständiga namn för att signera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no application with id “{ref}”</source>
        <translation>ingen ansökan har id ”{ref}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no application with id “{ref}” (give at least its first four characters)</source>
        <translation>ingen ansökan har id ”{ref}” (ange minst de fyra första tecknen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no assignment with id “{ref}”</source>
        <translation>inget uppdrag har id ”{ref}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no assignment with id “{ref}” (give at least its first four characters)</source>
        <translation>inget uppdrag har id ”{ref}” (ange minst de fyra första tecknen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no assignment&apos;s id starts with “{ref}”</source>
        <translation>inget uppdrags id börjar med ”{ref}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no contract matches “{ref}”</source>
        <translation>inget avtal matchar ”{ref}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no contract with id {id}</source>
        <translation>inget avtal har id {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no interview is booked for this application</source>
        <translation>ingen intervju är bokad för den här ansökan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no invoice with id {id}</source>
        <translation>ingen faktura har id {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no job in your experience has the id “{ref}”</source>
        <translation>inget uppdrag i din erfarenhet har id ”{ref}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reverse-charge text in “{language}”; use one of {languages}</source>
        <translation>ingen text om omvänd skattskyldighet på ”{language}”; använd något av {languages}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no review written: {reason}</source>
        <translation>inget omdöme skrevs: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such item in {section}</source>
        <translation>ingen sådan post i {section}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed: the contract is {state}; only an offer is signed</source>
        <translation>inte signerat: avtalet är {state}; bara ett erbjudande kan signeras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed: the terms changed since you read them (now version {version}): {terms}. Read the new terms and sign again</source>
        <translation>inte signerat: villkoren har ändrats sedan du läste dem (nu version {version}): {terms}. Läs de nya villkoren och signera igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed: {reason}</source>
        <translation>inte signerat: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numbers in this format could grow past {number_max_length} characters</source>
        <translation>nummer i det här formatet kan bli längre än {number_max_length} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline: cannot reach {url} ({problem}); your changes are kept and will sync later</source>
        <translation>offline: når inte {url} ({problem}); dina ändringar sparas och synkroniseras senare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline: no attempt was made; your changes are kept and will sync later</source>
        <translation>offline: inget försök gjordes; dina ändringar sparas och synkroniseras senare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline: the download was cut short ({problem})</source>
        <translation>offline: nedladdningen avbröts ({problem})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline: {url} answered {status}; your changes are kept and will sync later</source>
        <translation>offline: {url} svarade {status}; dina ändringar sparas och synkroniseras senare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only a draft can change; correct a confirmed invoice with a credit note</source>
        <translation>bara ett utkast kan ändras; rätta en bekräftad faktura med en kreditfaktura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the {allowed} moves a contract from {current} to {target}</source>
        <translation>bara {allowed} flyttar ett avtal från {current} till {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the {allowed} moves an application from {current} to {target}</source>
        <translation>bara {allowed} flyttar en ansökan från {current} till {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation number</source>
        <translation>organisationsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment references are made for sellers in {countries}, not {code}</source>
        <translation>betalningsreferenser skapas för säljare i {countries}, inte {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment terms</source>
        <translation>betalningsvillkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment terms are 0 to 120 days</source>
        <translation>betalningsvillkoren är 0 till 120 dagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plusgiro</source>
        <translation>plusgiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quiet hours must be HH:MM or empty</source>
        <translation>tysta timmar måste skrivas TT:MM eller lämnas tomma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reverse charge needs the client&apos;s VAT number on the contract</source>
        <translation>omvänd skattskyldighet kräver kundens momsregistreringsnummer i kontraktet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rounding step must be one of {rounding_steps} minutes</source>
        <translation>avrundningssteget måste vara något av {rounding_steps} minuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>score: a whole number from {score_min} to {score_max}</source>
        <translation>betyg: ett heltal från {score_min} till {score_max}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign in to the platform to ask for your account&apos;s deletion</source>
        <translation>logga in på plattformen för att begära att ditt konto raderas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign in to the platform to cancel your account&apos;s deletion</source>
        <translation>logga in på plattformen för att återkalla raderingen av ditt konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign in to the platform to see your account&apos;s deletion request</source>
        <translation>logga in på plattformen för att se din begäran om radering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign in to the platform to sign the contract</source>
        <translation>logga in på plattformen för att signera avtalet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign in to the platform to write the review</source>
        <translation>logga in på plattformen för att skriva omdömet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing needs the platform&apos;s current terms; connect and try again</source>
        <translation>signering kräver plattformens aktuella villkor; anslut och försök igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sync first: this assignment&apos;s version is not known yet</source>
        <translation>synkronisera först: uppdragets version är inte känd än</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text: at most {text_max_length} characters</source>
        <translation>text: högst {text_max_length} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text: holds characters that cannot be stored</source>
        <translation>text: innehåller tecken som inte kan sparas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text: the review as text</source>
        <translation>text: recensionen som text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text: write a few words about the work together</source>
        <translation>text: skriv några ord om samarbetet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that is too long to be a duration</source>
        <translation>det är för långt för att vara en tidsåtgång</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that item is not in your portfolio</source>
        <translation>den posten finns inte i din portfolio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that item is not in your {section}</source>
        <translation>den posten finns inte i din {section}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that refused change is no longer waiting</source>
        <translation>den avvisade ändringen väntar inte längre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the agent&apos;s photo does not have the checksum its card names</source>
        <translation>agentens foto har inte den kontrollsumma som kortet anger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the agent&apos;s photo is not a JPEG</source>
        <translation>agentens foto är ingen JPEG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the application is {current}; nothing changes it any more</source>
        <translation>ansökan är {current}; inget ändrar den längre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the assignment ends before it starts</source>
        <translation>uppdraget slutar innan det börjar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the assignment is closed; applications are no longer taken</source>
        <translation>uppdraget är stängt; ansökningar tas inte längre emot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the certificate {name} expires ({expires}) before it was issued ({issued})</source>
        <translation>certifikatet {name} går ut ({expires}) innan det utfärdades ({issued})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the city is missing</source>
        <translation>orten saknas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the client&apos;s name and address are missing on the contract {title}</source>
        <translation>kundens namn och adress saknas i kontraktet {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the commission must be between 0 and 100 %</source>
        <translation>provisionen måste vara mellan 0 och 100 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the commission rate must be between 0 and 100 %</source>
        <translation>provisionen måste vara mellan 0 och 100 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract ends before it starts</source>
        <translation>avtalet slutar innan det börjar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract is {current}; nothing changes it any more</source>
        <translation>avtalet är {current}; inget ändrar det längre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract is {state}; feedback is given while the assignment is active</source>
        <translation>avtalet är {state}; omdömen ges medan uppdraget pågår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract is {state}; it cannot be extended</source>
        <translation>avtalet är {state}; det kan inte förlängas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract is {state}; its terms change only while it is offered</source>
        <translation>avtalet är {state}; villkoren ändras bara medan det är erbjudet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract is {state}; reviews are written once it has ended</source>
        <translation>avtalet är {state}; recensioner skrivs när det har avslutats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract runs until further notice; there is no end to extend</source>
        <translation>avtalet löper tills vidare; det finns inget slut att förlänga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the crop ({left}, {top}, side {side}) reaches outside the picture, which is {width} × {height} pixels</source>
        <translation>beskärningen ({left}, {top}, sida {side}) går utanför bilden, som är {width} × {height} pixlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the crop&apos;s left and top cannot be negative</source>
        <translation>beskärningens vänsterkant och överkant kan inte vara negativa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the crop&apos;s side is {side} pixels; choose at least {min_crop_side}</source>
        <translation>beskärningens sida är {side} pixlar; välj minst {min_crop_side}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the draft for {start} – {end} already bills {count} of these days ({days})</source>
        <translation>utkastet för {start} – {end} fakturerar redan {count} av dessa dagar ({days})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the earliest start is after the latest</source>
        <translation>den tidigaste starten är efter den senaste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the extent {extent_percent} % is not between 1 and 100</source>
        <translation>omfattningen {extent_percent} % är inte mellan 1 och 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the grace period has ended and the platform is deleting the account: the request can no longer be cancelled</source>
        <translation>ångerfristen har gått ut och plattformen raderar kontot: begäran kan inte längre återkallas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice amounts to zero</source>
        <translation>fakturans belopp är noll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice has no lines</source>
        <translation>fakturan har inga rader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice is already {state}</source>
        <translation>fakturan är redan {state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the job at {organisation} needs an end month, or mark it current</source>
        <translation>uppdraget hos {organisation} behöver en slutmånad, eller markera det som pågående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the language is required</source>
        <translation>språket måste anges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the level of {name} is 1 (beginner) to 5 (expert), not {level}</source>
        <translation>nivån för {name} är 1 (nybörjare) till 5 (expert), inte {level}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the lowest rate is above the highest</source>
        <translation>det lägsta timpriset är högre än det högsta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the lowest rate is an amount of 0 or more</source>
        <translation>det lägsta timpriset är ett belopp på 0 eller mer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message holds a control character</source>
        <translation>meddelandet innehåller ett styrtecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message is {length} characters; at most {most}</source>
        <translation>meddelandet är {length} tecken; högst {most}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message must be text</source>
        <translation>meddelandet måste vara text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the milestone is paid; nothing changes it any more</source>
        <translation>delmålet är betalt; inget ändrar det längre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the milestone is {current}; an invoice names a milestone that is ready to invoice</source>
        <translation>delmålet är {current}; en faktura anger ett delmål som är klart att fakturera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the milestone “{milestone}” is billed by invoice {number} already</source>
        <translation>delmålet ”{milestone}” faktureras redan med faktura {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the milestone “{milestone}” is billed by the {state} invoice {id} already</source>
        <translation>delmålet ”{milestone}” faktureras redan med fakturan {id} ({state})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the milestone “{milestone}” is planned: it is invoiced once the client has accepted the delivery and the platform marks it ready</source>
        <translation>delmålet ”{milestone}” är planerat: det faktureras när kunden har godkänt leveransen och plattformen markerar det som klart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the milestone “{milestone}” is {state} already</source>
        <translation>delmålet ”{milestone}” är redan {state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the month {month} is not between 01 and 12</source>
        <translation>månaden {month} är inte mellan 01 och 12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the new end date must be after {end}</source>
        <translation>det nya slutdatumet måste vara efter {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the new end date must not be before the start date</source>
        <translation>det nya slutdatumet får inte vara före startdatumet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the offer was withdrawn before it was signed; there is no work to review</source>
        <translation>erbjudandet drogs tillbaka innan det signerades; det finns inget arbete att recensera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the period ends before it starts</source>
        <translation>perioden slutar innan den börjar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the personal letter contains control characters; remove them</source>
        <translation>det personliga brevet innehåller styrtecken; ta bort dem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the personal letter is {n:,} characters long; at most {max_length:,} fit — shorten it</source>
        <translation>det personliga brevet är {n} tecken långt; högst {max_length} får plats – korta det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the picture is {width} × {height} pixels; a photo needs at least {min_crop_side} × {min_crop_side}</source>
        <translation>bilden är {width} × {height} pixlar; ett foto behöver minst {min_crop_side} × {min_crop_side}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform answered {status} when asked for the newest version</source>
        <translation>plattformen svarade {status} på frågan om den senaste versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform asks to wait {seconds} s before the next attempt (rate limited); your changes are kept and will sync later</source>
        <translation>plattformen ber dig vänta {seconds} s före nästa försök (för många anrop); dina ändringar sparas och synkroniseras senare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform refused this application; discard it under refused changes</source>
        <translation>plattformen avvisade ansökan; kassera den under avvisade ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform sent a file of a kind a profile cannot hold; not kept</source>
        <translation>plattformen skickade en filtyp som en profil inte kan innehålla; den sparades inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform sent bytes that do not match the file&apos;s checksum; not kept</source>
        <translation>plattformen skickade byte som inte stämmer med filens kontrollsumma; de sparades inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform sent more than {limit} bytes for one file</source>
        <translation>plattformen skickade mer än {limit} byte för en fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform sent more than {limit} bytes for the agent&apos;s photo</source>
        <translation>plattformen skickade mer än {limit} byte för agentens foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform&apos;s answer to an invoice command was not understood</source>
        <translation>plattformens svar på ett fakturakommando gick inte att tolka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform&apos;s answer to the review was not understood</source>
        <translation>plattformens svar på omdömet gick inte att tolka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the platform&apos;s answer to the signature was not understood</source>
        <translation>plattformens svar på signeringen gick inte att tolka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rate cannot be negative</source>
        <translation>priset kan inte vara negativt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rate has more decimals than {currency} has</source>
        <translation>timpriset har fler decimaler än {currency} har</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rate is not an amount</source>
        <translation>timpriset är inget belopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rate is per hour or per day</source>
        <translation>timpriset gäller per timme eller per dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rate must be a decimal amount</source>
        <translation>timpriset måste vara ett decimalbelopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rate must be above 0 and at most {most}</source>
        <translation>timpriset måste vara över 0 och högst {most}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the reminder time must be HH:MM</source>
        <translation>tiden för påminnelser måste skrivas TT:MM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server&apos;s answer to {method} {url} was not understood</source>
        <translation>serverns svar på {method} {url} gick inte att tolka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the smallest extent is above the largest</source>
        <translation>den minsta omfattningen är större än den största</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the text holds a control character</source>
        <translation>texten innehåller ett styrtecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the text is {length} characters; at most {most}</source>
        <translation>texten är {length} tecken; högst {most}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the text must be text</source>
        <translation>texten måste vara text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time reported in this period changed since this draft was made: refresh the draft</source>
        <translation>den rapporterade tiden i perioden har ändrats sedan utkastet gjordes: uppdatera utkastet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the timer stopped before it started (was the clock changed?)</source>
        <translation>timern stoppades innan den startade (ändrades klockan?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the web address is longer than {max_url_length:,} characters once encoded</source>
        <translation>webbadressen blir längre än {max_url_length} tecken när den kodas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the web address is {n:,} characters long; at most {max_url_length:,} fit</source>
        <translation>webbadressen är {n} tecken lång; högst {max_url_length} får plats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the year {year} is not between {first_year} and {last_year}</source>
        <translation>året {year} är inte mellan {first_year} och {last_year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the years with {name} are a whole number from 0 to {max_years}</source>
        <translation>antalet år med {name} är ett heltal från 0 till {max_years}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {label} is empty</source>
        <translation>{label} är tomt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {what} cannot be negative</source>
        <translation>{what} kan inte vara negativt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {what} has more than {places} decimals</source>
        <translation>{what} har fler än {places} decimaler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {what} must be an amount of money</source>
        <translation>{what} måste vara ett belopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {what} of {rate} is more than {max_rate}</source>
        <translation>{what} på {rate} är mer än {max_rate}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>theme must be one of {choices}</source>
        <translation>temat måste vara ett av {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no folder {folder} to write the export in</source>
        <translation>det finns ingen mapp {folder} att skriva exporten i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no month {month}</source>
        <translation>det finns ingen månad {month}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no resume variant named “{name}”</source>
        <translation>det finns ingen cv-variant som heter ”{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no time left to invoice on this contract</source>
        <translation>det finns ingen tid kvar att fakturera på det här avtalet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>these days were invoiced meanwhile: {parts}: refresh the draft</source>
        <translation>de här dagarna har fakturerats under tiden: {parts}: uppdatera utkastet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this contract is your own, not the platform&apos;s: there is nothing to sign or review</source>
        <translation>det här avtalet är ditt eget, inte plattformens: det finns inget att signera eller ge omdöme om</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this data folder already holds 1 contract; demo data only goes into an empty folder (pick one with --data-dir)</source>
        <translation>den här datamappen innehåller redan 1 avtal; demodata läggs bara i en tom mapp (välj en med --data-dir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this data folder already holds {count} contracts; demo data only goes into an empty folder (pick one with --data-dir)</source>
        <translation>den här datamappen innehåller redan {count} avtal; demodata läggs bara i en tom mapp (välj en med --data-dir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this invoice gets its number from the platform at the next sync; credit it after that</source>
        <translation>fakturan får sitt nummer från plattformen vid nästa synkronisering; kreditera den efter det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time cannot be negative</source>
        <translation>tid kan inte vara negativ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title: at most {title_max_length} characters</source>
        <translation>titel: högst {title_max_length} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title: name what is delivered</source>
        <translation>titel: ange vad som levereras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title: one line without control characters</source>
        <translation>titel: en rad utan styrtecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title: text</source>
        <translation>titel: text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type your account&apos;s e-mail address to confirm</source>
        <translation>skriv ditt kontos e-postadress för att bekräfta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported currency “{currency}”; use one of {currencies}</source>
        <translation>valutan ”{currency}” stöds inte; använd någon av {currencies}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use https:// for a server on another machine; only this machine may use http://</source>
        <translation>använd https:// för en server på en annan dator; bara den här datorn får använda http://</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without your consent nothing is shared: nothing was stored or sent</source>
        <translation>utan ditt samtycke delas ingenting: ingenting sparades eller skickades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write something first</source>
        <translation>skriv något först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you have already applied to this assignment</source>
        <translation>du har redan sökt det här uppdraget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your VAT number is missing</source>
        <translation>ditt momsregistreringsnummer saknas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your address is missing</source>
        <translation>din adress saknas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your name is missing</source>
        <translation>ditt namn saknas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your organisation number is missing</source>
        <translation>ditt organisationsnummer saknas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your postcode is missing</source>
        <translation>ditt postnummer saknas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your profile changed since this import was previewed; preview it again (nothing was imported)</source>
        <translation>din profil har ändrats sedan importen förhandsvisades; förhandsvisa den igen (inget importerades)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your review of this contract is submitted already; a review never changes</source>
        <translation>din recension av det här avtalet är redan inskickad; en recension ändras aldrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract} has no milestone “{ref}”</source>
        <translation>{contract} har inget delmål ”{ref}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract} has no time left to invoice between {first} and {last}</source>
        <translation>{contract} har ingen tid kvar att fakturera mellan {first} och {last}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract} is not active today; its period is {start} – open</source>
        <translation>{contract} är inte aktivt i dag; dess period är {start} – tillsvidare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract} is not active today; its period is {start} – {end}</source>
        <translation>{contract} är inte aktivt i dag; dess period är {start} – {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract} is paid by the {fee_model} rate, not per milestone; draft its time for a period instead</source>
        <translation>{contract} betalas med pris per {fee_model}, inte per delmål; gör i stället ett utkast av dess tid för en period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: a day has at most 24 hours</source>
        <translation>{contract}, {day}: ett dygn har högst 24 timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: a note belongs to reported time; type the time first</source>
        <translation>{contract}, {day}: en anteckning hör till rapporterad tid; skriv in tiden först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: a note can hold at most {most} characters</source>
        <translation>{contract}, {day}: en anteckning får vara högst {most} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: outside the contract&apos;s period ({start} – open-ended)</source>
        <translation>{contract}, {day}: utanför avtalets period ({start} – tillsvidare)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: outside the contract&apos;s period ({start} – {end})</source>
        <translation>{contract}, {day}: utanför avtalets period ({start} – {end})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: this day is on a confirmed invoice and cannot change; credit the invoice to correct it</source>
        <translation>{contract}, {day}: dagen finns på en bekräftad faktura och kan inte ändras; kreditera fakturan för att rätta den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: this is an offer you have not signed; sign it first on the contracts screen</source>
        <translation>{contract}, {day}: det här är ett erbjudande som du inte har signerat; signera det först under Avtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: time cannot be negative</source>
        <translation>{contract}, {day}: tiden kan inte vara negativ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}, {day}: time must be whole minutes</source>
        <translation>{contract}, {day}: tiden måste vara hela minuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{country} has no VAT rate of {rate} %</source>
        <translation>{country} har ingen momssats på {rate} %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{country} has no {percent} % VAT rate on {on}; its rates are {listed} and {last} %</source>
        <translation>{country} har ingen momssats på {percent} % den {on}; satserna är {listed} och {last} %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{country} has no {percent} % VAT rate; its rates are {listed} and {last} %</source>
        <translation>{country} har ingen momssats på {percent} %; satserna är {listed} och {last} %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{day} holds more than 24 hours across contracts</source>
        <translation>{day} har mer än 24 timmar sammanlagt i kontrakten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{day}: that makes {hours} h across all contracts; a day has at most 24 hours</source>
        <translation>{day}: det blir {hours} h sammanlagt för alla avtal; ett dygn har högst 24 timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file_name} line {line_num}: not readable as CSV ({reason})</source>
        <translation>{file_name} rad {line_num}: går inte att läsa som CSV ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file_name} line {line}: no column “{missing}”; is this a LinkedIn export?</source>
        <translation>{file_name} rad {line}: ingen kolumn ”{missing}”; är det här en LinkedIn-export?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file_name} line {line}: not {label} text; save it as UTF-8 CSV</source>
        <translation>{file_name} rad {line}: inte text i {label}; spara den som UTF-8-CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file_name}: no column “{missing}” in the first lines; is this a LinkedIn export?</source>
        <translation>{file_name}: ingen kolumn ”{missing}” på de första raderna; är det här en LinkedIn-export?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} – {last} in an invoice waiting for its number</source>
        <translation>{first} – {last} i en faktura som väntar på sitt nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} – {last} in {number}</source>
        <translation>{first} – {last} i {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your awards</source>
        <translation>{item} finns redan bland dina utmärkelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your certificates</source>
        <translation>{item} finns redan bland dina certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your education</source>
        <translation>{item} finns redan i din utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your experience</source>
        <translation>{item} finns redan i din erfarenhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your languages</source>
        <translation>{item} finns redan bland dina språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your links</source>
        <translation>{item} finns redan bland dina länkar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your portfolio</source>
        <translation>{item} finns redan i din portfolio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is already in your references</source>
        <translation>{item} finns redan bland dina referenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} is not in your {section}</source>
        <translation>{item} finns inte i din {section}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} contains control characters; remove them</source>
        <translation>{label} innehåller styrtecken; ta bort dem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is empty</source>
        <translation>{label} är tomt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is required</source>
        <translation>{label} måste anges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is required; write it like 2024-03</source>
        <translation>{label} måste anges; skriv det som 2024-03</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is {n:,} characters long; at most {max_length:,} fit</source>
        <translation>{label} är {n} tecken lång; högst {max_length} får plats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is {n:,} characters long; at most {max_length:,} fit — shorten it</source>
        <translation>{label} är {n} tecken lång; högst {max_length} får plats – korta den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} must be one line without control characters</source>
        <translation>{label} måste vara en rad utan styrtecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} must be text</source>
        <translation>{label} måste vara text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” contains a part that does not exist</source>
        <translation>{label} ”{text}” innehåller en del som inte finns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” does not have the length or structure of a {country} IBAN</source>
        <translation>{label} ”{text}” har inte längden eller formen hos ett IBAN från {country}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” has 1 character; it has 8 or 11</source>
        <translation>{label} ”{text}” har 1 tecken; det ska ha 8 eller 11</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” has a wrong check digit; look for a mistyped or swapped digit</source>
        <translation>{label} ”{text}” har fel kontrollsiffra; leta efter en felskriven eller omkastad siffra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” has a wrong length digit: the second last digit should be {digit} for a reference of {n} digits</source>
        <translation>{label} ”{text}” har fel längdsiffra: näst sista siffran ska vara {digit} för en referens på {n} siffror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” has the wrong length</source>
        <translation>{label} ”{text}” har fel längd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” has wrong check digits; look for a mistyped or swapped character</source>
        <translation>{label} ”{text}” har fel kontrollsiffror; leta efter ett felskrivet eller omkastat tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” has {n} characters; it has 8 or 11</source>
        <translation>{label} ”{text}” har {n} tecken; det ska ha 8 eller 11</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is 4 letters for the bank, 2 for the country, then 2 (or 5) letters or digits, like ESSESESS</source>
        <translation>{label} ”{text}” är 4 bokstäver för banken, 2 för landet och sedan 2 (eller 5) bokstäver eller siffror, t.ex. ESSESESS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is RF, two check digits, then the reference</source>
        <translation>{label} ”{text}” är RF, två kontrollsiffror och sedan referensen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is an organisation number; the VAT number is SE, the organisation number and 01, like {hint}</source>
        <translation>{label} ”{text}” är ett organisationsnummer; momsregistreringsnumret är SE, organisationsnumret och 01, t.ex. {hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is not in the right format</source>
        <translation>{label} ”{text}” har inte rätt format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is too long: at most {max_len} digits</source>
        <translation>{label} ”{text}” är för långt: högst {max_len} siffror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is too long: at most {most} characters</source>
        <translation>{label} ”{text}” är för långt: högst {most} tecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is too long: {n} digits instead of {expected}, like {example}</source>
        <translation>{label} ”{text}” är för långt: {n} siffror i stället för {expected}, t.ex. {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is too short: 1 digit instead of {expected}, like {example}</source>
        <translation>{label} ”{text}” är för kort: 1 siffra i stället för {expected}, t.ex. {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is too short: at least {min_len} digits</source>
        <translation>{label} ”{text}” är för kort: minst {min_len} siffror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” is too short: {n} digits instead of {expected}, like {example}</source>
        <translation>{label} ”{text}” är för kort: {n} siffror i stället för {expected}, t.ex. {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” lacks MVA at the end: it is the organisation number followed by MVA, like {hint}</source>
        <translation>{label} ”{text}” saknar MVA på slutet: det är organisationsnumret följt av MVA, t.ex. {hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” may contain only digits</source>
        <translation>{label} ”{text}” får bara innehålla siffror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” may contain only digits (spaces and dashes are fine), like {example}</source>
        <translation>{label} ”{text}” får bara innehålla siffror (mellanslag och bindestreck går bra), t.ex. {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” may contain only letters and digits</source>
        <translation>{label} ”{text}” får bara innehålla bokstäver och siffror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” must end with 01, like {example}</source>
        <translation>{label} ”{text}” måste sluta på 01, t.ex. {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” must end with MVA, like {example}</source>
        <translation>{label} ”{text}” måste sluta på MVA, t.ex. {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” must start with RF, like RF18 5390 0754 7034</source>
        <translation>{label} ”{text}” måste börja med RF, t.ex. RF18 5390 0754 7034</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” starts with 0; CVR numbers never do</source>
        <translation>{label} ”{text}” börjar med 0; det gör CVR-nummer aldrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” starts with a country code and two check digits, like SE45 5000 …</source>
        <translation>{label} ”{text}” börjar med en landskod och två kontrollsiffror, t.ex. SE45 5000 …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” starts with {prefix}; it must start with {expected}</source>
        <translation>{label} ”{text}” börjar med {prefix}; det måste börja med {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}” starts with {prefix}; it must start with {expected} or a digit</source>
        <translation>{label} ”{text}” börjar med {prefix}; det måste börja med {expected} eller en siffra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}”: the CVR number after DK never starts with 0</source>
        <translation>{label} ”{text}”: CVR-numret efter DK börjar aldrig med 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}”: the account number in it has a wrong check digit</source>
        <translation>{label} ”{text}”: kontonumret i det har fel kontrollsiffra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}”: the bank code in it belongs to no bank</source>
        <translation>{label} ”{text}”: bankkoden i det hör inte till någon bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}”: {country} (letters 5 and 6) is not a country code</source>
        <translation>{label} ”{text}”: {country} (bokstav 5 och 6) är ingen landskod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} “{text}”: {country} is not a country with IBANs</source>
        <translation>{label} ”{text}”: {country} är inget land med IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {reason}</source>
        <translation>{label}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{language} is not among your languages</source>
        <translation>{language} finns inte bland dina språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{line}: a reverse-charge invoice carries no VAT on any line</source>
        <translation>{line}: en faktura med omvänd skattskyldighet har ingen moms på någon rad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{line}: outside the contract&apos;s period</source>
        <translation>{line}: utanför kontraktets period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{line}: reverse charge on one line of an ordinary invoice</source>
        <translation>{line}: omvänd skattskyldighet på en rad i en vanlig faktura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} cannot be read: {reason}</source>
        <translation>{name} kan inte läsas: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} does not exist (was it moved or deleted?)</source>
        <translation>{name} finns inte (har den flyttats eller tagits bort?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a folder; choose a file</source>
        <translation>{name} är en mapp; välj en fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already in your skills</source>
        <translation>{name} finns redan bland dina kompetenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is damaged and cannot be read ({reason})</source>
        <translation>{name} är skadad och kan inte läsas ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is damaged or incomplete ({reason})</source>
        <translation>{name} är skadad eller ofullständig ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is empty</source>
        <translation>{name} är tom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is far too large a picture: pictures up to {most} megapixels can be used; make it smaller</source>
        <translation>{name} är en alldeles för stor bild: bilder på upp till {most} megapixlar kan användas; gör den mindre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is larger than {size}, the most a picture can be</source>
        <translation>{name} är större än {size}, det största en bild får vara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is larger than {size}, the most a portfolio file can be</source>
        <translation>{name} är större än {size}, det största en portfoliofil får vara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a kind of file a portfolio can hold: use {kinds}</source>
        <translation>{name} är inte en filtyp som en portfolio kan innehålla: använd {kinds}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a picture coapp can read; use {kinds}</source>
        <translation>{name} är ingen bild som coapp kan läsa; använd {kinds}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is {width:,} × {height:,} pixels; pictures up to {most} megapixels can be used; make it smaller</source>
        <translation>{name} är {width} × {height} pixlar; bilder på upp till {most} megapixlar kan användas; gör den mindre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: a whole number from {score_min} to {score_max}</source>
        <translation>{name}: ett heltal från {score_min} till {score_max}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{overlaps}: discard or confirm it, or draft anyway</source>
        <translation>{overlaps}: kassera eller bekräfta det, eller gör utkastet ändå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} exists already; choose another name</source>
        <translation>{path} finns redan; välj ett annat namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a backup. Nothing was changed.</source>
        <translation>{path} är en mapp, inte en säkerhetskopia. Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder; name the ZIP file to write</source>
        <translation>{path} är en mapp; ange namnet på ZIP-filen som ska skrivas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a coapp backup. Nothing was changed.</source>
        <translation>{path} är ingen säkerhetskopia från coapp. Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a coapp database; it was left untouched.</source>
        <translation>{path} är ingen coapp-databas; den lämnades orörd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was written by a newer coapp (schema {revision}). Install the newer coapp to open it; the file was left untouched.</source>
        <translation>{path} skrevs av en nyare coapp (schema {revision}). Installera den nyare coapp för att öppna den; filen lämnades orörd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rate} is not a VAT rate</source>
        <translation>{rate} är ingen momssats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{section} has 1 item; its only place is 1</source>
        <translation>{section} har 1 post; dess enda plats är 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{section} has {count} items; choose a place from 1 to {count}</source>
        <translation>{section} har {count} poster; välj en plats från 1 till {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{section} “{text}” could not be imported: {reason}; nothing was imported</source>
        <translation>{section} ”{text}” kunde inte importeras: {reason}; ingenting importerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{skill} is not in your skills</source>
        <translation>{skill} finns inte bland dina kompetenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url} is not among your links</source>
        <translation>{url} finns inte bland dina länkar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} can be checked for {countries}, not for {code}</source>
        <translation>{what} kan kontrolleras för {countries}, inte för {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} ends ({end}) before it starts ({start})</source>
        <translation>{what} slutar ({end}) innan det börjar ({start})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is current, so it has no end month; leave out the end or “current”</source>
        <translation>{what} pågår och har därför ingen slutmånad; ta bort slutet eller ”current”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} holds LinkedIn files in more than one folder ({folders}); choose the folder you mean</source>
        <translation>{where} har LinkedIn-filer i mer än en mapp ({folders}); välj den mapp du menar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} holds more than {max_members:,} files; choose the folder of LinkedIn&apos;s export</source>
        <translation>{where} innehåller fler än {max_members} filer; välj mappen med LinkedIns export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} holds {n:,} files, more than {max_members:,}; this is not a LinkedIn export</source>
        <translation>{where} innehåller {n} filer, fler än {max_members}; det här är ingen LinkedIn-export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} holds {place} twice; which one is the export?</source>
        <translation>{where} innehåller {place} två gånger; vilken är exporten?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is a damaged ZIP file ({reason}); download the export again</source>
        <translation>{where} är en skadad ZIP-fil ({reason}); ladda ner exporten igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is neither a ZIP file nor a folder; choose LinkedIn&apos;s export</source>
        <translation>{where} är varken en ZIP-fil eller en mapp; välj LinkedIns export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: could not read the file ({reason})</source>
        <translation>{where}: kunde inte läsa filen ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: could not read the folder ({reason})</source>
        <translation>{where}: kunde inte läsa mappen ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: could not read {file} ({reason})</source>
        <translation>{where}: kunde inte läsa {file} ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: no such file or folder</source>
        <translation>{where}: filen eller mappen finns inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the LinkedIn files unpack to more than {most} MB ({size:,} bytes); a real export is far smaller</source>
        <translation>{where}: LinkedIn-filerna blir mer än {most} MB uppackade ({size} byte); en riktig export är mycket mindre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: {name} is encrypted; save the export without a password</source>
        <translation>{where}: {name} är krypterad; spara exporten utan lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: {reason}; save the export without a password</source>
        <translation>{where}: {reason}; spara exporten utan lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year} has no week {week}</source>
        <translation>{year} har ingen vecka {week}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year} may appear once</source>
        <translation>{year} får förekomma en gång</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year} takes no format</source>
        <translation>{year} tar inget format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{{seq:{spec}}}: write {{seq}} or {{seq:04d}} (up to 9 digits)</source>
        <translation>{{seq:{spec}}}: skriv {{seq}} eller {{seq:04d}} (upp till 9 siffror)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{{{field}}} is not a number field; use {{year}} and {{seq}}</source>
        <translation>{{{field}}} är inget nummerfält; använd {{year}} och {{seq}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{country}” is not a country code; use two letters such as SE</source>
        <translation>”{country}” är ingen landskod; använd två bokstäver, t.ex. SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{field}” is not one of the personal details</source>
        <translation>”{field}” är inte en av personuppgifterna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{language}” is not a resume language; choose sv or en</source>
        <translation>”{language}” är inget språk för cv:t; välj sv eller en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{level}” is not a language level; use A1, A2, B1, B2, C1, C2 or native</source>
        <translation>”{level}” är ingen språknivå; använd A1, A2, B1, B2, C1, C2 eller native</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{line}”: quantity and price cannot be negative</source>
        <translation>”{line}”: antal och pris kan inte vara negativa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{look}” is not a resume look; choose classic or modern</source>
        <translation>”{look}” är inget utseende för cv:t; välj classic eller modern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” is not a language&apos;s name</source>
        <translation>”{name}” är inget namn på ett språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” is not a profile field; use one of {choices}</source>
        <translation>”{name}” är inget profilfält; använd något av {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” is not a skill&apos;s name</source>
        <translation>”{name}” är inget namn på en kompetens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{number}” is not an invoice number (letters, digits and -, at most 32)</source>
        <translation>”{number}” är inget fakturanummer (bokstäver, siffror och -, högst 32)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” contains a space; a web address has none</source>
        <translation>”{raw}” innehåller ett mellanslag; en webbadress har inga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” contains a user name or password; leave them out</source>
        <translation>”{raw}” innehåller ett användarnamn eller lösenord; ta bort dem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” has a host name that cannot be written as a web address</source>
        <translation>”{raw}” har ett värdnamn som inte kan skrivas som en webbadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” has no valid host name; write it like example.com/you</source>
        <translation>”{raw}” har inget giltigt värdnamn; skriv den som example.com/du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” holds a day that is not in the calendar</source>
        <translation>”{raw}” innehåller en dag som inte finns i kalendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a date in the calendar</source>
        <translation>”{raw}” är inget datum i kalendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a date; write Jan 2020 or 2020</source>
        <translation>”{raw}” är inget datum; skriv Jan 2020 eller 2020</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a date; write it like 2026-11-23</source>
        <translation>”{raw}” är inget datum; skriv det som 2026-11-23</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a day in the calendar</source>
        <translation>”{raw}” är ingen dag i kalendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a period; write 2026-11, 2026-W48 or 2026-11-01..2026-11-15</source>
        <translation>”{raw}” är ingen period; skriv 2026-11, 2026-W48 eller 2026-11-01..2026-11-15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a resume section; choose from {sections}</source>
        <translation>”{raw}” är ingen del av cv:t; välj bland {sections}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a web address; write it like https://example.com</source>
        <translation>”{raw}” är ingen webbadress; skriv den som https://example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}” is not a web page; only http and https links are taken</source>
        <translation>”{raw}” är ingen webbsida; bara http- och https-länkar går att lägga till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}”: the period ends before it starts</source>
        <translation>”{raw}”: perioden slutar innan den börjar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}”: there is no month {month}</source>
        <translation>”{raw}”: det finns ingen månad {month}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}”: {reason}</source>
        <translation>”{raw}”: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{raw}”: “{word}” is not a month</source>
        <translation>”{raw}”: ”{word}” är ingen månad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” is not an assignment&apos;s id</source>
        <translation>”{ref}” är inte ett uppdrags id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” matches several contracts ({names}); type more of the title</source>
        <translation>”{ref}” matchar flera avtal ({names}); skriv mer av titeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” matches {count} milestones; give more of the id</source>
        <translation>”{ref}” matchar {count} delmål; ange mer av id:t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” starts more than one application&apos;s id; give more of it</source>
        <translation>”{ref}” är början på fler än en ansökans id; ange mer av det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” starts more than one assignment&apos;s id; give more of it</source>
        <translation>”{ref}” är början på fler än ett uppdrags id; ange mer av det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” starts the ids of several assignments; give more of it</source>
        <translation>”{ref}” är början på flera uppdrags id; ange mer av det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{ref}” starts the ids of {count} jobs; type more of it</source>
        <translation>”{ref}” är början på id för {count} uppdrag; skriv mer av det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{shown}” is not a country code; write two letters like SE, NO, DK or FI</source>
        <translation>”{shown}” är ingen landskod; skriv två bokstäver, t.ex. SE, NO, DK eller FI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{shown}” is not a month; write it like 2024-03</source>
        <translation>”{shown}” är ingen månad; skriv den som 2024-03</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{template}” is not a number format; write e.g. {{year}}-{{seq:04d}}</source>
        <translation>”{template}” är inget nummerformat; skriv t.ex. {{year}}-{{seq:04d}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is less than a minute; time is kept in whole minutes</source>
        <translation>”{text}” är mindre än en minut; tid sparas i hela minuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a LinkedIn proficiency</source>
        <translation>”{text}” är ingen språknivå från LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a duration; try 7,5 or 7:30</source>
        <translation>”{text}” är ingen tidsåtgång; prova 7,5 eller 7:30</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a duration; try 7,5 or 7:30 or 7h30m</source>
        <translation>”{text}” är ingen tidsåtgång; prova 7,5, 7:30 eller 7h30m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a number of hours</source>
        <translation>”{text}” är inget antal timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a percentage; write a whole number, 1 to 100</source>
        <translation>”{text}” är ingen procentsats; skriv ett heltal från 1 till 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a rounding rule; write none or up:15:entry</source>
        <translation>”{text}” är ingen avrundningsregel; skriv none eller up:15:entry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not an ISO week; write it like 2026-W48</source>
        <translation>”{text}” är ingen ISO-vecka; skriv den som 2026-W48</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not an amount; write the {what} like 950 or 950.50</source>
        <translation>”{text}” är inget belopp; skriv {what} som 950 eller 950.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}”: minutes must be below 60</source>
        <translation>”{text}”: minuterna måste vara under 60</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{typed}” is {name}, which is already in your skills</source>
        <translation>”{typed}” är {name}, som redan finns bland dina kompetenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{url}” is not a server address; write it like https://platform.example</source>
        <translation>”{url}” är ingen serveradress; skriv den som https://platform.example</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a phone number; write it like +46 70 123 45 67</source>
        <translation>”{value}” är inget telefonnummer; skriv det som +46 70 123 45 67</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an e-mail address: {reason}</source>
        <translation>”{value}” är ingen e-postadress: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{zone}” is not a time zone</source>
        <translation>”{zone}” är ingen tidszon</translation>
    </message>
</context>
<context>
    <name>ExperiencePanel</name>
    <message>
        <location filename="../../coapp/ui/profile/experience_panel.py" line="+22"/>
        <source>Experience</source>
        <translation>Erfarenhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add job…</source>
        <translation>Lägg till uppdrag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a job or assignment (Insert)</source>
        <translation>Lägg till en anställning eller ett uppdrag (Insert)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add job</source>
        <translation>Lägg till uppdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit job</source>
        <translation>Redigera uppdrag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the client or employer</source>
        <translation>Skriv kunden eller arbetsgivaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write your role, e.g. Backend developer</source>
        <translation>Skriv din roll, t.ex. Backendutvecklare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start month</source>
        <translation>Startmånad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the month you started, like 2022-03</source>
        <translation>Skriv månaden du började, som 2022-03</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End month</source>
        <translation>Slutmånad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the month it ended, or tick “I work here now”</source>
        <translation>Skriv månaden det slutade, eller kryssa i ”Jag arbetar här nu”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ends before it starts ({other})</source>
        <translation>Slutar innan det börjar ({other})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I work here now</source>
        <translation>Jag arbetar här nu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you did and what came of it</source>
        <translation>Vad du gjorde och vad det ledde till</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skills used</source>
        <translation>Använda kompetenser</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Your jobs</source>
        <translation>Dina uppdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No experience yet: add the jobs and assignments you are proud of.</source>
        <translation>Ingen erfarenhet än: lägg till de anställningar och uppdrag du är stolt över.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem with a job</source>
        <translation>Problem med ett uppdrag</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message>
        <location filename="../../coapp/ui/data_safety/export_progress.py" line="+42"/>
        <source>Exporting all your data…</source>
        <translation>Exporterar alla dina data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export all data</source>
        <translation>Exportera alla data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export progress</source>
        <translation>Exportens förlopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much of the export is written</source>
        <translation>Hur mycket av exporten som är skrivet</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Exported {rows} and {files} to {path}.</source>
        <translation>Exporterade {rows} och {files} till {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 row</source>
        <translation>1 rad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} rows</source>
        <translation>{n} rader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 file</source>
        <translation>1 fil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} files</source>
        <translation>{n} filer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The export failed: {reason}</source>
        <translation>Exporten misslyckades: {reason}</translation>
    </message>
</context>
<context>
    <name>FeedbackChart</name>
    <message>
        <location filename="../../coapp/ui/contracts/feedback_chart.py" line="+30"/>
        <source>quality</source>
        <translation>kvalitet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>communication</source>
        <translation>kommunikation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>delivery</source>
        <translation>leverans</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expertise</source>
        <translation>expertis</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>overall</source>
        <translation>sammantaget</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No feedback yet: the client and your agent give it during the assignment.</source>
        <translation>Inga omdömen än: kunden och din agent ger dem under uppdraget.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{day}, {who} ({name}): overall {overall} — {scores}</source>
        <translation>{day}, {who} ({name}): sammantaget {overall} — {scores}</translation>
    </message>
</context>
<context>
    <name>FileStrip</name>
    <message>
        <location filename="../../coapp/ui/profile/portfolio_files.py" line="+75"/>
        <location line="+43"/>
        <source>Attach file…</source>
        <translation>Bifoga fil…</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Attach a PDF, picture or text of at most 25 MB to the selected work</source>
        <translation>Bifoga en PDF, bild eller text på högst 25 MB till det markerade arbetet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the attached file (Ctrl+O)</source>
        <translation>Öppna den bifogade filen (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove file</source>
        <translation>Ta bort filen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the attached file (Ctrl+Z brings it back)</source>
        <translation>Ta bort den bifogade filen (Ctrl+Z tar tillbaka den)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open file</source>
        <translation>Öppna filen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No file attached</source>
        <translation>Ingen fil bifogad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace file…</source>
        <translation>Byt fil…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not on this computer yet; it comes with the next sync</source>
        <translation>finns inte på den här datorn än; den kommer med nästa synkning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>uploading, {percent} % sent</source>
        <translation>laddas upp, {percent} % skickat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the platform refused it: {reason}</source>
        <translation>plattformen tog inte emot den: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting to go to the platform</source>
        <translation>väntar på att skickas till plattformen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attach a file</source>
        <translation>Bifoga en fil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Portfolio files ({patterns});;All files (*)</source>
        <translation>Portfoliofiler ({patterns});;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} is {size}; a portfolio file can be at most 25 MB.</source>
        <translation>{name} är {size}; en portfoliofil får vara högst 25 MB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach a smaller file, or add a link to where it is shared.</source>
        <translation>Bifoga en mindre fil, eller lägg till en länk dit den delas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is not a kind of file a portfolio can hold: attach a PDF, a PNG, JPEG, GIF or WebP picture, or plain text or Markdown.</source>
        <translation>{name} är inte en sorts fil som en portfolio kan innehålla: bifoga en PDF, en PNG-, JPEG-, GIF- eller WebP-bild, eller vanlig text eller Markdown.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{name} is not on this computer yet; it comes with the next sync.</source>
        <translation>{name} finns inte på den här datorn än; den kommer med nästa synkning.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Remove file {name}</source>
        <translation>Ta bort filen {name}</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../coapp/ui/timesheet/first_run.py" line="+21"/>
        <source>Getting started</source>
        <translation>Kom igång</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to coapp</source>
        <translation>Välkommen till coapp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your week&apos;s time goes into a grid, one row per contract. There is no contract here yet: choose how to start.</source>
        <translation>Veckans tid skrivs i ett rutnät, en rad per avtal. Här finns inget avtal än: välj hur du vill börja.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in…</source>
        <translation>Logga in…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Sign in to the platform</source>
        <translation>Logga in på plattformen</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Fill with demo data</source>
        <translation>Fyll med demodata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three sample contracts and twelve weeks of time in this data folder</source>
        <translation>Tre exempelavtal och tolv veckors tid i den här datamappen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a contract…</source>
        <translation>Lägg till avtal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contract of your own, for work outside the platform</source>
        <translation>Ett eget avtal, för arbete utanför plattformen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your contracts arrive from the platform, with the time you reported on your other computers. Work you do before signing in syncs at the first sign-in.</source>
        <translation>Dina avtal kommer från plattformen, med tiden du rapporterat på dina andra datorer. Det du gör innan du loggar in synkas vid första inloggningen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Try it with demo data</source>
        <translation>Prova med demodata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fills this empty data folder with three sample contracts and twelve weeks of time. To try the whole app against a demo platform instead, start it with “coapp --demo”.</source>
        <translation>Fyller den här tomma datamappen med tre exempelavtal och tolv veckors tid. Vill du i stället prova hela appen mot en demoplattform, starta den med ”coapp --demo”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a contract of your own</source>
        <translation>Lägg till ett eget avtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For work outside the platform: the client, the rate and the period. Report time and invoice it like any other contract.</source>
        <translation>För arbete utanför plattformen: kunden, priset och perioden. Rapportera tid och fakturera som för alla andra avtal.</translation>
    </message>
</context>
<context>
    <name>HoursChart</name>
    <message>
        <location filename="../../coapp/ui/insights/charts.py" line="-77"/>
        <source>expected hours</source>
        <translation>förväntade timmar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W</source>
        <translation>v</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{week} ({range}): {parts} — {reported} of {expected} expected hours</source>
        <translation>{week} ({range}): {parts} — {reported} av {expected} förväntade timmar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no time</source>
        <translation>ingen tid</translation>
    </message>
</context>
<context>
    <name>IdleDialog</name>
    <message>
        <location filename="../../coapp/ui/desktop/idle_dialog.py" line="+27"/>
        <source>Welcome back</source>
        <translation>Välkommen tillbaka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You were away for {minutes} min while the timer for {title} ran.</source>
        <translation>Du var borta i {minutes} min medan timern för {title} gick.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Keep the time</source>
        <translation>&amp;Behåll tiden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count the time away as work</source>
        <translation>Räkna tiden borta som arbete</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Drop {minutes} min</source>
        <translation>&amp;Stryk {minutes} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the time away off the timer; it keeps running</source>
        <translation>Dra av tiden borta från timern; den fortsätter att gå</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop it and &amp;stop the timer</source>
        <translation>Stryk den och s&amp;toppa timern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the time away off the timer and record the rest</source>
        <translation>Dra av tiden borta från timern och registrera resten</translation>
    </message>
</context>
<context>
    <name>InsightsScreen</name>
    <message>
        <location filename="../../coapp/ui/insights/screen.py" line="+56"/>
        <location line="+4"/>
        <source>Insights</source>
        <translation>Insikter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The months the charts show</source>
        <translation>Månaderna diagrammen visar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amounts in different currencies are never added together</source>
        <translation>Belopp i olika valutor läggs aldrig ihop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insights messages</source>
        <translation>Meddelanden om insikter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No time or invoices in this period. Report time on the timesheet (Ctrl+5).</source>
        <translation>Ingen tid eller faktura under perioden. Rapportera tid i tidrapporten (Ctrl+5).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hours per week</source>
        <translation>Timmar per vecka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation</source>
        <translation>Beläggning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earnings per month</source>
        <translation>Intäkter per månad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices by state</source>
        <translation>Fakturor per status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hours-per-week</source>
        <translation>timmar-per-vecka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utilisation</source>
        <translation>belaggning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>earnings-per-month</source>
        <translation>intakter-per-manad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invoices-by-state</source>
        <translation>fakturor-per-status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last 12 months</source>
        <translation>Senaste 12 månaderna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>Förra året</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 3 years</source>
        <translation>Senaste 3 åren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 10 years</source>
        <translation>Senaste 10 åren</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{first} – {last} · {hours} in {weeks}</source>
        <translation>{first} – {last} · {hours} på {weeks}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 hour</source>
        <translation>1 timme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{hours} hours</source>
        <translation>{hours} timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 week</source>
        <translation>1 vecka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} weeks</source>
        <translation>{n} veckor</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Export CSV</source>
        <translation>Exportera CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save {path}: {reason}</source>
        <translation>Kunde inte spara {path}: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}.</source>
        <translation>Sparade {path}.</translation>
    </message>
</context>
<context>
    <name>InvoiceDetail</name>
    <message>
        <location filename="../../coapp/ui/invoices/detail.py" line="+87"/>
        <source>Refresh draft</source>
        <translation>Uppdatera utkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard draft…</source>
        <translation>Radera utkast…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm invoice</source>
        <translation>Bekräfta faktura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit invoice…</source>
        <translation>Kreditera faktura…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as sent</source>
        <translation>Markera som skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as paid</source>
        <translation>Markera som betald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PDF</source>
        <translation>Öppna PDF</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Select an invoice to see its lines and breakdown.</source>
        <translation>Välj en faktura för att se dess rader och uppdelning.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rebuild the lines from the timesheet</source>
        <translation>Bygg om raderna från tidrapporten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Throw this draft away; it has no number</source>
        <translation>Radera utkastet; det har inget nummer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check, then confirm: number, lock the time, archive the PDF</source>
        <translation>Kontrollera och bekräfta: nummer, lås tiden, arkivera PDF:en</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel this invoice with a credit note</source>
        <translation>Makulera fakturan med en kreditfaktura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client has the invoice</source>
        <translation>Kunden har fått fakturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The money has arrived</source>
        <translation>Betalningen har kommit in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the archived PDF</source>
        <translation>Öppna den arkiverade PDF:en</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Invoice message</source>
        <translation>Fakturameddelande</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invoice lines</source>
        <translation>Fakturarader</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add line</source>
        <translation>Lägg till rad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a milestone or instalment</source>
        <translation>Lägg till en delleverans eller delbetalning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>Ta bort rad</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The chosen invoice</source>
        <translation>Den valda fakturan</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Draft invoice</source>
        <translation>Fakturautkast</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>credits invoice {number}</source>
        <translation>krediterar faktura {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>issued {day}</source>
        <translation>fakturadatum {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sent and collected by {platform} on your behalf</source>
        <translation>skickas och drivs in av {platform} för din räkning</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A fixed fee: add a line per milestone; double-click or F2 to edit.</source>
        <translation>Fast arvode: lägg till en rad per delleverans; dubbelklicka eller tryck F2 för att redigera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines come from the timesheet: change the time there, then Refresh draft.</source>
        <translation>Raderna kommer från tidrapporten: ändra tiden där och välj sedan Uppdatera utkast.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lines of invoice {number}, cancelled: the breakdown counts them against you.</source>
        <translation>Raderna i faktura {number}, som krediteras: uppdelningen räknar dem som avdrag.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A confirmed invoice never changes; correct it with a credit note.</source>
        <translation>En bekräftad faktura ändras aldrig; rätta den med en kreditfaktura.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Confirming…</source>
        <translation>Bekräftar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crediting…</source>
        <translation>Krediterar…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+6"/>
        <source>Discard draft</source>
        <translation>Radera utkast</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Discard this draft? It has no number; its time can go on another invoice.</source>
        <translation>Radera utkastet? Det har inget nummer; tiden kan tas med på en annan faktura.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+12"/>
        <source>Credit invoice</source>
        <translation>Kreditera faktura</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Credit invoice {number}?</source>
        <translation>Kreditera faktura {number}?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A credit note with its own number cancels the whole invoice, and its time is unlocked for a new invoice. The invoice itself stays in the archive. This cannot be undone.</source>
        <translation>En kreditfaktura med eget nummer makulerar hela fakturan, och tiden låses upp för en ny faktura. Själva fakturan ligger kvar i arkivet. Det går inte att ångra.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The PDF is not in the archive any more: {path}</source>
        <translation>PDF:en finns inte längre i arkivet: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No program here opens PDFs; the file is {path}</source>
        <translation>Inget program här kan öppna PDF-filer; filen är {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Milestone {n}</source>
        <translation>Delleverans {n}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select the line to remove first.</source>
        <translation>Markera först raden som ska tas bort.</translation>
    </message>
</context>
<context>
    <name>InvoiceExports</name>
    <message>
        <location filename="../../coapp/ui/invoices/exports.py" line="+31"/>
        <source>Export the list as CSV…</source>
        <translation>Exportera listan som CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export this invoice&apos;s time as CSV…</source>
        <translation>Exportera fakturans tid som CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export e-invoice (Peppol UBL)…</source>
        <translation>Exportera e-faktura (Peppol UBL)…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exporting to {path}…</source>
        <translation>Exporterar till {path}…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not exported: {reason}</source>
        <translation>Inte exporterad: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported 1 invoice to {path}</source>
        <translation>Exporterade 1 faktura till {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {n} invoices to {path}</source>
        <translation>Exporterade {n} fakturor till {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export invoices</source>
        <translation>Exportera fakturor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exported {n} days to {path}</source>
        <translation>Exporterade {n} dagar till {path}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exported 1 day to {path}</source>
        <translation>Exporterade 1 dag till {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the time behind the invoice</source>
        <translation>Exportera tiden bakom fakturan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exported the e-invoice to {path}</source>
        <translation>Exporterade e-fakturan till {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export e-invoice</source>
        <translation>Exportera e-faktura</translation>
    </message>
</context>
<context>
    <name>InvoiceLinesModel</name>
    <message>
        <location filename="../../coapp/ui/invoices/lines_model.py" line="+44"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>Rapporterat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billed</source>
        <translation>Fakturerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>À-pris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Reported time as typed; billed time after the contract&apos;s rounding rule</source>
        <translation>Rapporterad tid som den skrevs in; fakturerad tid efter avtalets avrundningsregel</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Every line needs a description.</source>
        <translation>Varje rad behöver en beskrivning.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantities and prices cannot be negative.</source>
        <translation>Antal och priser kan inte vara negativa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A quantity has at most four decimals.</source>
        <translation>Ett antal har högst fyra decimaler.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A price has at most two decimals.</source>
        <translation>Ett pris har högst två decimaler.</translation>
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <location filename="../../coapp/ui/invoices/list_model.py" line="+35"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>Avtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>Fakturadatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A draft takes its number when it is confirmed.</source>
        <translation>Ett utkast får sitt nummer när det bekräftas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed offline; the platform assigns the number at the next sync.</source>
        <translation>Bekräftad offline; plattformen tilldelar numret vid nästa synkronisering.</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <location filename="../../coapp/ui/invoices/formats.py" line="+30"/>
        <location line="+21"/>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Confirmed</source>
        <translation>Bekräftad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Betald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credited</source>
        <translation>Krediterad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credit note</source>
        <translation>Kreditfaktura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number on sync</source>
        <translation>Nummer vid synk</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>h</source>
        <translation>tim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>day</source>
        <translation>dag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>days</source>
        <translation>dagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pc</source>
        <translation>st</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pcs</source>
        <translation>st</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
</context>
<context>
    <name>InvoicesController</name>
    <message>
        <location filename="../../coapp/ui/invoices/controller.py" line="+127"/>
        <source>Draft made: check the lines, then confirm (Ctrl+Return).</source>
        <translation>Utkastet är skapat: kontrollera raderna och bekräfta sedan (Ctrl+Return).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Draft refreshed from the timesheet.</source>
        <translation>Utkastet är uppdaterat från tidrapporten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Draft discarded; its time can go on another invoice.</source>
        <translation>Utkastet är raderat; tiden kan tas med på en annan faktura.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not confirmed: fix the problems listed above first.</source>
        <translation>Inte bekräftad: åtgärda först problemen ovan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirming: numbering the invoice and writing its PDF…</source>
        <translation>Bekräftar: fakturan numreras och dess PDF skrivs…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The PDF could not be written ({reason}); nothing was confirmed.</source>
        <translation>PDF:en kunde inte skrivas ({reason}); ingenting bekräftades.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invoice {number} confirmed; its PDF is in the archive.</source>
        <translation>Faktura {number} är bekräftad; PDF:en finns i arkivet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirmed, number on sync: the number and the PDF come at the next sync.</source>
        <translation>Bekräftad, numret kommer vid synk: numret och PDF:en kommer vid nästa synk.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The PDF could not be written ({reason}).</source>
        <translation>PDF:en kunde inte skrivas ({reason}).</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Credit note {note} cancels invoice {number}; its time is unlocked.</source>
        <translation>Kreditfaktura {note} makulerar faktura {number}; tiden är upplåst.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Marked as {state}.</source>
        <translation>Markerad som {state}.</translation>
    </message>
</context>
<context>
    <name>InvoicesScreen</name>
    <message>
        <location filename="../../coapp/ui/invoices/screen.py" line="+51"/>
        <location line="+46"/>
        <location line="+22"/>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Show invoices in the state</source>
        <translation>Visa fakturor med status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the invoices in this state</source>
        <translation>Bara fakturorna med denna status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show invoices of the contract</source>
        <translation>Visa fakturor för avtalet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the invoices of this contract</source>
        <translation>Bara fakturorna för detta avtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+158"/>
        <source>All contracts</source>
        <translation>Alla avtal</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Period: 2026-11, 2026-W48 or FROM..TO</source>
        <translation>2026-11, 2026-W48, från..till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show invoices of the period</source>
        <translation>Visa fakturor för perioden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New draft…</source>
        <translation>Nytt utkast…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft an invoice for a contract and a period (Ctrl+N)</source>
        <translation>Skapa ett fakturautkast för ett avtal och en period (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New draft</source>
        <translation>Nytt utkast</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;State</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontract</source>
        <translation>Avta&amp;l</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Totals per currency</source>
        <translation>Summor per valuta</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>1 invoice listed</source>
        <translation>1 faktura i listan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} invoices listed</source>
        <translation>{n} fakturor i listan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 draft to confirm</source>
        <translation>1 utkast att bekräfta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} drafts to confirm</source>
        <translation>{n} utkast att bekräfta</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No invoices match these filters. Choose “All states” and “All contracts”, or clear the period.</source>
        <translation>Inga fakturor matchar filtren. Välj ”Alla statusar” och ”Alla avtal”, eller töm perioden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No invoices yet. On the timesheet, select a contract&apos;s row and press Ctrl+I to draft the week&apos;s invoice, or click New draft… (Ctrl+N) here.</source>
        <translation>Inga fakturor än. Markera ett avtals rad i tidrapporten och tryck Ctrl+I för att skapa veckans fakturautkast, eller klicka på Nytt utkast… (Ctrl+N) här.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Total of the invoices listed, credit notes subtracted: {amounts}</source>
        <translation>Summa för fakturorna i listan, kreditfakturor avräknade: {amounts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(drafts not counted)</source>
        <translation>(utkast räknas inte)</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The draft for {period} already bills {n} of these days.</source>
        <translation>Utkastet för {period} fakturerar redan {n} av dessa dagar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>These days are on a draft already</source>
        <translation>Dagarna finns redan på ett utkast</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confirming both would bill that time twice. Show the existing draft, or make a second one?</source>
        <translation>Bekräftas båda faktureras den tiden två gånger. Visa det befintliga utkastet, eller skapa ett till?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the draft</source>
        <translation>Visa utkastet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft anyway</source>
        <translation>Skapa utkast ändå</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../coapp/ui/profile/item_dialog.py" line="+104"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+59"/>
        <source>Required</source>
        <translation>Obligatoriskt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“{text}” is not a month; write it like 2024-03</source>
        <translation>”{text}” är ingen månad; skriv den som 2024-03</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A web address has no spaces; remove them</source>
        <translation>En webbadress har inga mellanslag; ta bort dem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not a web address; write it like https://example.com/work</source>
        <translation>Det här är ingen webbadress; skriv den som https://example.com/work</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <location filename="../../coapp/ui/dashboard/cards.py" line="+39"/>
        <source>Enter opens the chosen line on its screen</source>
        <translation>Enter öppnar den valda raden på dess skärm</translation>
    </message>
</context>
<context>
    <name>LanguagesPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/languages_panel.py" line="+37"/>
        <source>Native</source>
        <translation>Modersmål</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C2 · Proficient</source>
        <translation>C2 · Mycket avancerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C1 · Advanced</source>
        <translation>C1 · Avancerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B2 · Upper intermediate</source>
        <translation>B2 · Övre mellannivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B1 · Intermediate</source>
        <translation>B1 · Mellannivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A2 · Elementary</source>
        <translation>A2 · Grundläggande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A1 · Beginner</source>
        <translation>A1 · Nybörjare</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language, e.g. English</source>
        <translation>Språk, t.ex. engelska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New language</source>
        <translation>Nytt språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completes from common languages; Enter adds it</source>
        <translation>Föreslår vanliga språk; Enter lägger till</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <location line="+12"/>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>How well you speak the language you add</source>
        <translation>Hur väl du talar språket du lägger till</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the language (Enter)</source>
        <translation>Lägg till språket (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add language</source>
        <translation>Lägg till språk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your languages</source>
        <translation>Dina språk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter or F2 changes the level, Delete removes, Alt+Up and Alt+Down move; Ctrl+Z takes a change back</source>
        <translation>Enter eller F2 ändrar nivån, Delete tar bort, Alt+Upp och Alt+Ned flyttar; Ctrl+Z ångrar en ändring</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No languages yet: add the ones you work in, with a level.</source>
        <translation>Inga språk ännu: lägg till de språk du arbetar på, med nivå.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter changes a level, Delete removes, Alt+Up/Down moves.</source>
        <translation>Enter ändrar nivån, Delete tar bort, Alt+Upp/Ned flyttar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with a language</source>
        <translation>Problem med ett språk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove language</source>
        <translation>Ta bort språk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move language up</source>
        <translation>Flytta språket uppåt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move language down</source>
        <translation>Flytta språket nedåt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Change its level in the list instead (select it and press Enter).</source>
        <translation>Ändra dess nivå i listan i stället (markera det och tryck Enter).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Change the level of {language}</source>
        <translation>Ändra nivån för {language}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove {language}</source>
        <translation>Ta bort {language}</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../coapp/ui/launch.py" line="+255"/>
        <source>Another coapp is changing this data folder and does not answer:
{folder}

Try again in a moment.</source>
        <translation>En annan coapp ändrar i den här datamappen och svarar inte:
{folder}

Försök igen om en stund.</translation>
    </message>
</context>
<context>
    <name>LetterCard</name>
    <message>
        <location filename="../../coapp/ui/profile/letter_card.py" line="+45"/>
        <location line="+15"/>
        <source>Personal letter</source>
        <translation>Personligt brev</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Who you are and what you do best, in your own words. It opens your resume.</source>
        <translation>Vem du är och vad du gör bäst, med dina egna ord. Det inleder ditt CV.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved as you write. Ctrl+B bold, Ctrl+I italic, Ctrl+Alt+1 heading, Ctrl+Alt+2 subheading, Ctrl+Alt+0 body text, Ctrl+Shift+8 bulleted list, Ctrl+Shift+7 numbered list</source>
        <translation>Sparas medan du skriver. Ctrl+B fetstil, Ctrl+I kursiv, Ctrl+Alt+1 rubrik, Ctrl+Alt+2 underrubrik, Ctrl+Alt+0 brödtext, Ctrl+Skift+8 punktlista, Ctrl+Skift+7 numrerad lista</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I am a backend developer who likes making slow systems fast…</source>
        <translation>Jag är backendutvecklare och gillar att göra långsamma system snabba…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Heading</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subheading</source>
        <translation>Underrubrik</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body text</source>
        <translation>Brödtext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bold</source>
        <translation>Fetstil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bulleted list</source>
        <translation>Punktlista</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numbered list</source>
        <translation>Numrerad lista</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Problem with the letter</source>
        <translation>Problem med brevet</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved</source>
        <translation>Inte sparat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your text is kept here; it saves once it fits.</source>
        <translation>Din text finns kvar här; den sparas när den får plats.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>1 word</source>
        <translation>1 ord</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} words</source>
        <translation>{n} ord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{low}–{high} words read best</source>
        <translation>{low}–{high} ord läses bäst</translation>
    </message>
</context>
<context>
    <name>LinkedInImportDialog</name>
    <message>
        <location filename="../../coapp/ui/profile/linkedin_dialog.py" line="+51"/>
        <source>Import from LinkedIn</source>
        <translation>Importera från LinkedIn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the ZIP file LinkedIn sent you (Settings → Data privacy → Get a copy of your data), or the folder it unpacks to. You see what would change before anything does, and nothing you wrote is overwritten.</source>
        <translation>Välj ZIP-filen som LinkedIn skickade dig (Inställningar → Dataintegritet → Hämta en kopia av dina data) eller mappen den packas upp till. Du ser vad som skulle ändras innan något ändras, och inget du själv har skrivit skrivs över.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+75"/>
        <source>LinkedIn export</source>
        <translation>LinkedIn-export</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>The export&apos;s ZIP file or folder</source>
        <translation>Exportens ZIP-fil eller mapp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose ZIP…</source>
        <translation>Välj ZIP…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the ZIP file</source>
        <translation>Välj ZIP-filen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose folder…</source>
        <translation>Välj mapp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the unpacked folder</source>
        <translation>Välj den uppackade mappen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import status</source>
        <translation>Importens status</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem with the export</source>
        <translation>Problem med exporten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the import would do</source>
        <translation>Vad importen skulle göra</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import into your profile</source>
        <translation>Importera till din profil</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>LinkedIn export (*.zip)</source>
        <translation>LinkedIn-export (*.zip)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LinkedIn export folder</source>
        <translation>Mapp med LinkedIn-export</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the export…</source>
        <translation>Läser exporten…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
</context>
<context>
    <name>LinkedInPlan</name>
    <message>
        <location filename="../../coapp/ui/profile/linkedin_plan.py" line="+18"/>
        <source>Personal details</source>
        <translation>Personuppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>Länkar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experience</source>
        <translation>Erfarenhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>Kompetenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honours and awards</source>
        <translation>Utmärkelser och priser</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal letter</source>
        <translation>personligt brev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end</source>
        <translation>slut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>degree</source>
        <translation>examen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field of study</source>
        <translation>studieinriktning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issuer</source>
        <translation>utfärdare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued</source>
        <translation>utfärdat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expires</source>
        <translation>går ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web address</source>
        <translation>webbadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awarded</source>
        <translation>tilldelat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>level</source>
        <translation>nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skills</source>
        <translation>kompetenser</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>already in your profile</source>
        <translation>finns redan i din profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listed twice in the export</source>
        <translation>finns två gånger i exporten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already in your profile as {name}</source>
        <translation>finns redan i din profil som {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LinkedIn gives no level; add it by hand with its level</source>
        <translation>LinkedIn anger ingen nivå; lägg till språket för hand med nivå</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{added} to add; nothing you wrote is overwritten.</source>
        <translation>{added} att lägga till; inget du har skrivit skrivs över.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing new: your profile already has everything this export can add.</source>
        <translation>Inget nytt: din profil har redan allt som den här exporten kan lägga till.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{added} to add and 1 empty field to fill; nothing you wrote is overwritten.</source>
        <translation>{added} att lägga till och 1 tomt fält att fylla i; inget du har skrivit skrivs över.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{added} to add and {filled} empty fields to fill; nothing you wrote is overwritten.</source>
        <translation>{added} att lägga till och {filled} tomma fält att fylla i; inget du har skrivit skrivs över.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Will be added</source>
        <translation>Läggs till</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty fields that will be filled</source>
        <translation>Tomma fält som fylls i</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kept as you wrote it (LinkedIn says otherwise)</source>
        <translation>Behålls som du skrev (LinkedIn säger annat)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yours “{mine}”, LinkedIn “{theirs}”</source>
        <translation>ditt ”{mine}”, LinkedIns ”{theirs}”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skipped</source>
        <translation>Hoppas över</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read:</source>
        <translation>Lästa filer:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notes</source>
        <translation>Att notera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings from the export</source>
        <translation>Varningar från exporten</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/links_panel.py" line="+44"/>
        <source>Website</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Links</source>
        <translation>Länkar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>linkedin.com/in/you, github.com/you or your site</source>
        <translation>t.ex. linkedin.com/in/du eller github.com/du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New link</source>
        <translation>Ny länk</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+97"/>
        <source>A web address; Enter adds it</source>
        <translation>En webbadress; Enter lägger till den</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the link (Enter)</source>
        <translation>Lägg till länken (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add link</source>
        <translation>Lägg till länk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problem with the link</source>
        <translation>Problem med länken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your links</source>
        <translation>Dina länkar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter opens the page, Delete removes (Ctrl+Z brings it back), Alt+Up and Alt+Down move</source>
        <translation>Enter öppnar sidan, Delete tar bort (Ctrl+Z tar tillbaka den), Alt+Upp och Alt+Ned flyttar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No links yet: add your LinkedIn profile, GitHub or portfolio site.</source>
        <translation>Inga länkar ännu: lägg till din LinkedIn-profil, GitHub eller portfoliosajt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter opens a link, Delete removes, Alt+Up/Down moves.</source>
        <translation>Enter öppnar en länk, Delete tar bort, Alt+Upp/Ned flyttar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the link in your browser (Enter)</source>
        <translation>Öppna länken i webbläsaren (Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open link</source>
        <translation>Öppna länk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problem with a link</source>
        <translation>Problem med en länk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove link</source>
        <translation>Ta bort länk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move link up</source>
        <translation>Flytta länken uppåt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move link down</source>
        <translation>Flytta länken nedåt</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Remove link {url}</source>
        <translation>Ta bort länken {url}</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <location filename="../../coapp/ui/desktop/log_viewer.py" line="+47"/>
        <source>coapp log</source>
        <translation>coapps logg</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log</source>
        <translation>Logg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What coapp wrote to its log lately; e-mail addresses and tokens are hidden</source>
        <translation>Vad coapp har skrivit i loggen på sistone; e-postadresser och nycklar är dolda</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the log</source>
        <translation>Stäng loggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy all</source>
        <translation>&amp;Kopiera allt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the log shown here, for a message to support</source>
        <translation>Kopiera loggen som visas här, till ett meddelande till supporten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>&amp;Läs om</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the log file again</source>
        <translation>Läs loggfilen igen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no log yet.</source>
        <translation>Det finns ingen logg ännu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coapp/ui/main_window.py" line="+108"/>
        <source>Timesheet</source>
        <translation>Tidrapport</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>My Profile</source>
        <translation>Min profil</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Dashboard</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assignments</source>
        <translation>Uppdrag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applications</source>
        <translation>Ansökningar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contracts</source>
        <translation>Avtal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insights</source>
        <translation>Insikter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>{n} drafts to confirm</source>
        <translation>{n} utkast att bekräfta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 draft to confirm</source>
        <translation>1 utkast att bekräfta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} contract offers to sign</source>
        <translation>{n} avtalserbjudanden att signera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 contract offer to sign</source>
        <translation>1 avtalserbjudande att signera</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from &amp;LinkedIn…</source>
        <translation>Importera från &amp;LinkedIn…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Business details…</source>
        <translation>&amp;Företagsuppgifter…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Invoices</source>
        <translation>&amp;Fakturor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About coapp</source>
        <translation>&amp;Om coapp</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The language is changed.</source>
        <translation>Språket är ändrat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Business details saved.</source>
        <translation>Företagsuppgifterna är sparade.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>About coapp</source>
        <translation>Om coapp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coapp {version}
The freelancer&apos;s desktop cockpit.
Data folder: {folder}</source>
        <translation>coapp {version}
Konsultens cockpit på skrivbordet.
Datamapp: {folder}</translation>
    </message>
</context>
<context>
    <name>MatchReasons</name>
    <message>
        <location filename="../../coapp/ui/assignments/reasons.py" line="+17"/>
        <source>junior</source>
        <translation>junior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mid-level</source>
        <translation>medior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>senior</source>
        <translation>senior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expert</source>
        <translation>expert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it as your native language</source>
        <translation>det som modersmål</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Has: {skills}</source>
        <translation>Har: {skills}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing: {skills}</source>
        <translation>Saknas: {skills}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also wanted: {skills}</source>
        <translation>Önskas också: {skills}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asks for {level}: you have 1 year of work</source>
        <translation>Kräver {level}: du har 1 års arbetslivserfarenhet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asks for {level}: you have {years} years of work</source>
        <translation>Kräver {level}: du har {years} års arbetslivserfarenhet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asks for {level} ({wanted}+ years); you have {years}</source>
        <translation>Kräver {level} ({wanted}+ år); du har {years}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your rate {rate} {currency} is within {range}</source>
        <translation>Ditt arvode {rate} {currency} ligger inom {range}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your rate {rate} {currency} is below {range}</source>
        <translation>Ditt arvode {rate} {currency} ligger under {range}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your rate {rate} {currency} is above {range}</source>
        <translation>Ditt arvode {rate} {currency} ligger över {range}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are available from {date}, 1 week after the start</source>
        <translation>Du är tillgänglig från {date}, 1 vecka efter starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are available from {date}, {weeks} weeks after the start</source>
        <translation>Du är tillgänglig från {date}, {weeks} veckor efter starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You have {free} % free; it asks for {extent} %</source>
        <translation>Du har {free} % ledigt; uppdraget kräver {extent} %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Works in {language}: you have {level}</source>
        <translation>Arbetsspråk {language}: du har {level}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Works in {language}, not on your profile</source>
        <translation>Arbetsspråk {language}, finns inte i din profil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remote</source>
        <translation>På distans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In {place}, where you are</source>
        <translation>I {place}, där du finns</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On site in {place}</source>
        <translation>På plats i {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partly on site in {place}</source>
        <translation>Delvis på plats i {place}</translation>
    </message>
</context>
<context>
    <name>NewDraftDialog</name>
    <message>
        <location filename="../../coapp/ui/invoices/draft_dialog.py" line="+81"/>
        <source>New draft invoice</source>
        <translation>Nytt fakturautkast</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contract</source>
        <translation>Avtal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This week ({week})</source>
        <translation>Denna vecka ({week})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This month ({month})</source>
        <translation>Denna månad ({month})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From – to</source>
        <translation>Från – till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All time not yet invoiced</source>
        <translation>All tid som inte har fakturerats</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First day</source>
        <translation>Första dagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last day</source>
        <translation>Sista dagen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>One line per day</source>
        <translation>En rad per dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One line per week</source>
        <translation>En rad per vecka</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A fixed fee is invoiced by milestones: add them as lines once the draft is made.</source>
        <translation>Ett fast arvode faktureras per delleverans: lägg till dem som rader när utkastet är skapat.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create draft</source>
        <translation>Skapa utkast</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Contract</source>
        <translation>&amp;Avtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../coapp/ui/timesheet/note_dialog.py" line="+15"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: what was done</source>
        <translation>Anteckning: vad som gjordes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done (Ctrl+Enter saves)</source>
        <translation>Vad som gjordes (Ctrl+Enter sparar)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../coapp/ui/notifier.py" line="+38"/>
        <source>Message from {agent}</source>
        <translation>Meddelande från {agent}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message from your agent</source>
        <translation>Meddelande från din agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your application is now: {state}</source>
        <translation>Din ansökan är nu: {state}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interview booked: {title}</source>
        <translation>Intervju bokad: {title}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New strong match: {title}</source>
        <translation>Ny stark matchning: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Match {score} of 100</source>
        <translation>Matchning {score} av 100</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{n} updates from the platform</source>
        <translation>{n} nyheter från plattformen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>and {n} more</source>
        <translation>och {n} till</translation>
    </message>
</context>
<context>
    <name>PendingDeletion</name>
    <message>
        <location filename="../../coapp/ui/data_safety/deletion_pending.py" line="+43"/>
        <source>&amp;Cancel the deletion request…</source>
        <translation>Åter&amp;kalla begäran om radering…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Cancel the deletion request</source>
        <translation>Återkalla begäran om radering</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Take the request back: the platform keeps your account as it is</source>
        <translation>Ta tillbaka begäran: plattformen behåller ditt konto som det är</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The platform deletes your account on {deleted}. You asked for it on {requested}; until then you can take the request back.</source>
        <translation>Plattformen raderar ditt konto den {deleted}. Du begärde det den {requested}; fram till dess kan du ta tillbaka begäran.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel the request to delete your account?</source>
        <translation>Återkalla begäran om att radera ditt konto?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your account stays on the platform as it is. You can ask for its deletion again at any time; the 30 days then start anew.</source>
        <translation>Ditt konto finns kvar på plattformen som det är. Du kan begära radering igen när som helst; de 30 dagarna börjar då om.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel the request</source>
        <translation>Återkalla begäran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the request</source>
        <translation>Behåll begäran</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The platform cannot be reached, so the request still stands. Try again when you are online.</source>
        <translation>Plattformen går inte att nå, så begäran står kvar. Försök igen när du är uppkopplad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in to the platform first (Account ▸ Sign in…). The request still stands.</source>
        <translation>Logga in på plattformen först (Konto ▸ Logga in…). Begäran står kvar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request could not be cancelled: {reason}</source>
        <translation>Begäran gick inte att återkalla: {reason}</translation>
    </message>
</context>
<context>
    <name>PhotoWell</name>
    <message>
        <location filename="../../coapp/ui/profile/photo_well.py" line="+110"/>
        <source>Your photo</source>
        <translation>Ditt foto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a photo of yourself</source>
        <translation>Välj ett foto av dig själv</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the photo (Ctrl+Z brings it back)</source>
        <translation>Ta bort fotot (Ctrl+Z tar tillbaka det)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose photo</source>
        <translation>Välj foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+155"/>
        <source>Remove photo</source>
        <translation>Ta bort foto</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Problem with the photo</source>
        <translation>Problem med fotot</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Your photo is not on this computer yet; it comes with the next sync</source>
        <translation>Ditt foto finns inte på den här datorn än; det kommer med nästa synkning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A photo is set</source>
        <translation>Ett foto är valt</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>No photo yet: choose one (JPEG, PNG, WebP …)</source>
        <translation>Inget foto än: välj ett (JPEG, PNG, WebP …)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a photo</source>
        <translation>Välj ett foto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pictures ({patterns});;All files (*)</source>
        <translation>Bilder ({patterns});;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>PortfolioPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/portfolio_panel.py" line="+36"/>
        <source>Open file</source>
        <translation>Öppna filen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add work…</source>
        <translation>Lägg till arbete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a piece of work to show, with a link (Insert)</source>
        <translation>Lägg till ett arbete att visa, med en länk (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your portfolio</source>
        <translation>Din portfolio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No work to show yet: add a project, an article or a talk with its link.</source>
        <translation>Inga arbeten att visa än: lägg till ett projekt, en artikel eller ett föredrag med dess länk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem with a portfolio item</source>
        <translation>Problem med ett arbete i portfolion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add work</source>
        <translation>Lägg till arbete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit work</source>
        <translation>Redigera arbete</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write a title for the work</source>
        <translation>Skriv en titel för arbetet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web address</source>
        <translation>Webbadress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it is and your part in it</source>
        <translation>Vad det är och din del i det</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <location filename="../../coapp/ui/invoices/preflight_panel.py" line="+17"/>
        <source>Click Refresh draft to take the timesheet as it is now.</source>
        <translation>Klicka på Uppdatera utkast för att hämta tidrapporten som den ser ut nu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The client&apos;s details come with the contract from the platform.</source>
        <translation>Kundens uppgifter följer med avtalet från plattformen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move that time in the timesheet, or draft a period inside the contract.</source>
        <translation>Flytta den tiden i tidrapporten, eller skapa ett utkast för en period inom avtalet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correct that day in the timesheet, then refresh the draft.</source>
        <translation>Rätta den dagen i tidrapporten och uppdatera sedan utkastet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a line, or draft a period with reported time.</source>
        <translation>Lägg till en rad, eller skapa ett utkast för en period med rapporterad tid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the lines a quantity and a price.</source>
        <translation>Ange antal och pris på raderna.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the country in your business details.</source>
        <translation>Kontrollera landet i dina företagsuppgifter.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Problems that stop the confirmation</source>
        <translation>Problem som hindrar bekräftelsen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This invoice cannot be confirmed yet:</source>
        <translation>Fakturan kan inte bekräftas än:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Business details…</source>
        <translation>Företagsuppgifter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open business details</source>
        <translation>Öppna företagsuppgifterna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh draft</source>
        <translation>Uppdatera utkast</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>fix it in Business details (Edit ▸ Business details…).</source>
        <translation>rätta det i Företagsuppgifter (Redigera ▸ Företagsuppgifter…).</translation>
    </message>
</context>
<context>
    <name>ProfileScreen</name>
    <message>
        <location filename="../../coapp/ui/profile/screen.py" line="+46"/>
        <location line="+2"/>
        <location line="+71"/>
        <source>My Profile</source>
        <translation>Min profil</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Import from LinkedIn…</source>
        <translation>Importera från LinkedIn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add what your LinkedIn data export holds; you see what changes first</source>
        <translation>Lägg till det som finns i din dataexport från LinkedIn; du ser först vad som ändras</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export resume…</source>
        <translation>Exportera cv…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your resume as a PDF: a look, a language, the sections and jobs (Ctrl+E)</source>
        <translation>Skriv ditt cv som PDF: utseende, språk, avsnitt och uppdrag (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Loading your profile…</source>
        <translation>Läser in din profil…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not read your profile: {reason}</source>
        <translation>Kunde inte läsa din profil: {reason}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Profile {n} % complete</source>
        <translation>Profilen är {n} % klar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Imported from LinkedIn: {added} added, {filled} filled</source>
        <translation>Importerat från LinkedIn: {added} tillagda, {filled} ifyllda</translation>
    </message>
</context>
<context>
    <name>ReferencesPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/references_panel.py" line="+20"/>
        <source>References</source>
        <translation>Referenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add reference…</source>
        <translation>Lägg till referens…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add someone who can vouch for your work (Insert)</source>
        <translation>Lägg till någon som kan gå i god för ditt arbete (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your references</source>
        <translation>Dina referenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No references yet: add a client or manager who agreed to be asked.</source>
        <translation>Inga referenser än: lägg till en kund eller chef som har sagt ja till att bli tillfrågad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem with a reference</source>
        <translation>Problem med en referens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add reference</source>
        <translation>Lägg till referens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit reference</source>
        <translation>Redigera referens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the reference&apos;s name</source>
        <translation>Skriv referensens namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager at Acme AB</source>
        <translation>Chef på Acme AB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail or phone, as they agreed to share</source>
        <translation>E-post eller telefon, som personen gått med på att dela</translation>
    </message>
</context>
<context>
    <name>RefusedChangesDialog</name>
    <message>
        <location filename="../../coapp/ui/sync/refused_dialog.py" line="+39"/>
        <location line="+13"/>
        <source>Refused changes</source>
        <translation>Avvisade ändringar</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The platform did not accept these changes. They stay on this computer until you choose: retry, discard, or keep a copy in a file.</source>
        <translation>Plattformen godtog inte de här ändringarna. De finns kvar på den här datorn tills du väljer: försök igen, släng eller spara en kopia i en fil.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing was refused: every change is on the platform or waiting to be sent.</source>
        <translation>Inget har avvisats: varje ändring finns på plattformen eller väntar på att skickas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Retry</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Släng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep a copy</source>
        <translation>Spara en &amp;kopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send your change again, on top of the platform&apos;s version</source>
        <translation>Skicka din ändring igen, ovanpå plattformens version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop your change; the platform&apos;s version takes its place</source>
        <translation>Släng din ändring; plattformens version tar dess plats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write your change to a file in the data folder, then discard it here</source>
        <translation>Skriv din ändring till en fil i datamappen och släng den sedan här</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close; the refused changes stay until you choose</source>
        <translation>Stäng; de avvisade ändringarna finns kvar tills du väljer</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>What to do: {advice}</source>
        <translation>Gör så här: {advice}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move the time to a day inside the contract, or discard it.</source>
        <translation>Flytta tiden till en dag inom avtalet, eller släng den.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower the time on this day (all contracts together), then retry.</source>
        <translation>Minska tiden den här dagen (alla avtal tillsammans) och försök sedan igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This time is on a confirmed invoice. Discard your change, or credit the invoice first.</source>
        <translation>Den här tiden finns på en bekräftad faktura. Släng din ändring, eller kreditera fakturan först.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another device deleted this. Retry to keep your version, or discard to accept the deletion.</source>
        <translation>En annan enhet har tagit bort det här. Försök igen för att behålla din version, eller släng för att godta borttagningen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The contract is not on your account. Keep a copy and discard, or retry later.</source>
        <translation>Avtalet finns inte på ditt konto. Spara en kopia och släng, eller försök igen senare.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The platform owns this; discard your change to see the platform&apos;s version.</source>
        <translation>Det här ägs av plattformen; släng din ändring för att se plattformens version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A timer runs on another device. Discard this one, or keep a copy of its time.</source>
        <translation>En timer går på en annan enhet. Släng den här, eller spara en kopia av dess tid.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another entry holds this day. Discard this one to see it.</source>
        <translation>En annan post har redan den här dagen. Släng den här för att se den.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{what} is queued again and syncs now.</source>
        <translation>{what} står i kö igen och synkroniseras nu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Discard change</source>
        <translation>Släng ändring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your change to {what}?</source>
        <translation>Släng din ändring av {what}?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The platform&apos;s version takes its place. Keep a copy first if you may need your values.</source>
        <translation>Plattformens version tar dess plats. Spara en kopia först om du kan behöva dina värden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your change to {what} was discarded.</source>
        <translation>Din ändring av {what} slängdes.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A copy of {what} is in {path}; the change was discarded here.</source>
        <translation>En kopia av {what} finns i {path}; ändringen slängdes här.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not do that: {reason}</source>
        <translation>Det gick inte: {reason}</translation>
    </message>
</context>
<context>
    <name>ReminderRunner</name>
    <message>
        <location filename="../../coapp/ui/desktop/reminders_ui.py" line="+69"/>
        <source>coapp reminder</source>
        <translation>Påminnelse från coapp</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No time reported on {days} ({contracts}).</source>
        <translation>Ingen tid rapporterad {days} ({contracts}).</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No time reported on {n} working days since {first} ({contracts}).</source>
        <translation>Ingen tid rapporterad på {n} arbetsdagar sedan {first} ({contracts}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Report your week: today is its last working day.</source>
        <translation>Rapportera din vecka: i dag är veckans sista arbetsdag.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report your month: today is its last working day.</source>
        <translation>Rapportera din månad: i dag är månadens sista arbetsdag.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 invoice waits for your confirmation.</source>
        <translation>1 faktura väntar på att du bekräftar den.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} invoices wait for your confirmation.</source>
        <translation>{n} fakturor väntar på att du bekräftar dem.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../coapp/ui/data_safety/restore_dialog.py" line="+42"/>
        <location line="+124"/>
        <source>Restore from backup</source>
        <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>coapp backs up your data every day and before each update. Choose a backup to put its data back. What is here now is backed up first, so you can undo the restore from this list.</source>
        <translation>coapp säkerhetskopierar dina data varje dag och före varje uppdatering. Välj en säkerhetskopia för att lägga tillbaka dess data. Det som finns här nu säkerhetskopieras först, så du kan ångra återställningen från den här listan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each backup&apos;s date and what it holds</source>
        <translation>Varje säkerhetskopias datum och vad den innehåller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made</source>
        <translation>Gjord</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contracts</source>
        <translation>Kontrakt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weeks</source>
        <translation>Veckor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There are no backups yet.</source>
        <translation>Det finns inga säkerhetskopior än.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Återställ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Put the chosen backup&apos;s data back</source>
        <translation>Lägg tillbaka den valda säkerhetskopians data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From a &amp;file…</source>
        <translation>Från en &amp;fil…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+73"/>
        <source>Restore from a file</source>
        <translation>Återställ från en fil</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Choose a backup file kept elsewhere</source>
        <translation>Välj en säkerhetskopia som ligger någon annanstans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close without restoring</source>
        <translation>Stäng utan att återställa</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before a restore</source>
        <translation>Före en återställning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before an update</source>
        <translation>Före en uppdatering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot be restored</source>
        <translation>Kan inte återställas</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>coapp backups (*.sqlite3);;All files (*)</source>
        <translation>coapp-säkerhetskopior (*.sqlite3);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Restore the backup from {when}?</source>
        <translation>Återställa säkerhetskopian från {when}?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It holds {contracts}, {entries} in {weeks} and {invoices}. The data you have now is backed up first and replaced by the backup&apos;s.</source>
        <translation>Den innehåller {contracts}, {entries} under {weeks} och {invoices}. Dina nuvarande data säkerhetskopieras först och ersätts sedan av säkerhetskopians.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 contract</source>
        <translation>1 avtal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} contracts</source>
        <translation>{n} avtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 time entry</source>
        <translation>1 tidrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} time entries</source>
        <translation>{n} tidrader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 week</source>
        <translation>1 vecka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} weeks</source>
        <translation>{n} veckor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 invoice</source>
        <translation>1 faktura</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} invoices</source>
        <translation>{n} fakturor</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../coapp/ui/profile/resume_dialog.py" line="+68"/>
        <location line="+282"/>
        <source>Export resume</source>
        <translation>Exportera cv</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Resume variant</source>
        <translation>Cv-variant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as variant…</source>
        <translation>Spara som variant…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this choice under a name (Ctrl+S)</source>
        <translation>Spara det här valet under ett namn (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove variant</source>
        <translation>Ta bort variant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the chosen variant</source>
        <translation>Ta bort den valda varianten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classic</source>
        <translation>Klassiskt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Modern</source>
        <translation>Modernt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jobs on the resume</source>
        <translation>Uppdrag i cv:t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No jobs yet: add them under Experience.</source>
        <translation>Inga uppdrag ännu: lägg till dem under Erfarenhet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume export messages</source>
        <translation>Meddelanden om cv-exporten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the PDF</source>
        <translation>Öppna PDF:en</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the exported resume</source>
        <translation>Öppna det exporterade cv:t</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the resume as a PDF file (Ctrl+E)</source>
        <translation>Skriv cv:t som en PDF-fil (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal letter</source>
        <translation>Personligt brev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experience</source>
        <translation>Erfarenhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>Kompetenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honours and awards</source>
        <translation>Utmärkelser och priser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>References</source>
        <translation>Referenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>&amp;Variant</source>
        <translation>&amp;Variant</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look</source>
        <translation>Utseende</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sections</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Jobs</source>
        <translation>&amp;Uppdrag</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Choose at least one section.</source>
        <translation>Välj minst ett avsnitt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chosen here (not saved)</source>
        <translation>Valt här (inte sparat)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as variant</source>
        <translation>Spara som variant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the variant:</source>
        <translation>Variantens namn:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved the variant “{name}”.</source>
        <translation>Sparade varianten ”{name}”.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Removed the variant “{name}”; save the choice again to bring it back.</source>
        <translation>Tog bort varianten ”{name}”; spara valet igen för att få tillbaka den.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Writing {path}…</source>
        <translation>Skriver {path}…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved the resume to {path}.</source>
        <translation>Sparade cv:t i {path}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Kunde inte skriva {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../coapp/ui/contracts/review_dialog.py" line="+36"/>
        <source>Review {client}</source>
        <translation>Recensera {client}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How was it to work with {client} on “{title}”?</source>
        <translation>Hur var det att arbeta med {client} i ”{title}”?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Score</source>
        <translation>Betyg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5 — excellent</source>
        <translation>5 — utmärkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 — good</source>
        <translation>4 — bra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 — acceptable</source>
        <translation>3 — godtagbart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 — poor</source>
        <translation>2 — dåligt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 — very poor</source>
        <translation>1 — mycket dåligt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a score</source>
        <translation>Välj ett betyg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From 1, very poor, to 5, excellent</source>
        <translation>Från 1, mycket dåligt, till 5, utmärkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your review</source>
        <translation>Din recension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went well, what could have gone better</source>
        <translation>Vad gick bra, vad kunde ha gått bättre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A few words about the work together; the client reads them</source>
        <translation>Några ord om samarbetet; kunden läser dem</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Score</source>
        <translation>&amp;Betyg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review</source>
        <translation>&amp;Recension</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Once sent, your review cannot be changed. The client&apos;s review of you shows when both are in, or on {day} at the latest; neither of you sees the other&apos;s first.</source>
        <translation>När recensionen är skickad kan den inte ändras. Kundens recension av dig visas när båda är inne, eller senast den {day}; ingen av er ser den andras först.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Once sent, your review cannot be changed.</source>
        <translation>När recensionen är skickad kan den inte ändras.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send review</source>
        <translation>Skicka recension</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the review to the platform; it never changes after</source>
        <translation>Skicka recensionen till plattformen; den ändras aldrig efteråt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without sending</source>
        <translation>Stäng utan att skicka</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{n} of at most {max} characters</source>
        <translation>{n} av högst {max} tecken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a score from 1 to 5.</source>
        <translation>Välj ett betyg från 1 till 5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a few words about the work together.</source>
        <translation>Skriv några ord om samarbetet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The review is {n} characters long; at most {max} fit. Shorten it.</source>
        <translation>Recensionen är {n} tecken lång; högst {max} får plats. Korta den.</translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/section_list.py" line="+285"/>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected item (Enter)</source>
        <translation>Redigera det markerade (Enter)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter edits, Insert adds, Delete removes (Ctrl+Z brings it back), Alt+Up and Alt+Down move</source>
        <translation>Enter redigerar, Insert lägger till, Delete tar bort (Ctrl+Z tar tillbaka), Alt+Upp och Alt+Ned flyttar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Flytta upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Flytta ned</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Remove “{title}”</source>
        <translation>Ta bort ”{title}”</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Earlier versions…</source>
        <translation>Tidigare versioner…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Texts a sync replaced, kept by the platform; bring one back</source>
        <translation>Texter som en synkning ersatte, sparade av plattformen; ta tillbaka en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier versions of the description</source>
        <translation>Tidigare versioner av beskrivningen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../coapp/ui/settings_dialog.py" line="+26"/>
        <source>Preferences</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decimal hours (7,5)</source>
        <translation>Timmar med decimaler (7,5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours and minutes (7:30)</source>
        <translation>Timmar och minuter (7:30)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As the system</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Ljust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Mörkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the window and of new documents</source>
        <translation>Språket i fönstret och i nya dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How hours are shown and typed in the timesheet</source>
        <translation>Hur timmar visas och skrivs i tidrapporten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose public holidays the timesheet marks and skips</source>
        <translation>Vilket lands helgdagar tidrapporten markerar och hoppar över</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light, dark, or as the system&apos;s setting</source>
        <translation>Ljust, mörkt eller som systemets inställning</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language and number format</source>
        <translation>&amp;Språk och talformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window changes language at once; undo starts afresh.</source>
        <translation>Fönstret byter språk direkt; ångra börjar om.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hours shown as</source>
        <translation>&amp;Timmar visas som</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public &amp;holidays of</source>
        <translation>&amp;Helgdagar i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colours</source>
        <translation>&amp;Färger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours format</source>
        <translation>Tidsformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holiday country</source>
        <translation>Land för helgdagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour scheme</source>
        <translation>Färgschema</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use these preferences</source>
        <translation>Använd dessa inställningar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without changing anything</source>
        <translation>Stäng utan att ändra något</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../coapp/ui/sidebar.py" line="+76"/>
        <source>Screens</source>
        <translation>Vyer</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../coapp/ui/sync/sign_in_dialog.py" line="+60"/>
        <source>Server address</source>
        <translation>Serveradress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform&apos;s address, starting with https://</source>
        <translation>Plattformens adress, som börjar med https://</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mail address of your account</source>
        <translation>E-postadressen till ditt konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the platform only; never stored here</source>
        <translation>Skickas bara till plattformen; sparas aldrig här</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm password</source>
        <translation>Bekräfta lösenord</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmation code</source>
        <translation>Bekräftelsekod</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Server address</source>
        <translation>&amp;Serveradress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;firm password</source>
        <translation>&amp;Bekräfta lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation &amp;code</source>
        <translation>Bekräftelse&amp;kod</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Waiting for the platform</source>
        <translation>Väntar på plattformen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Switches between signing in and creating an account</source>
        <translation>Växlar mellan att logga in och att skapa ett konto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends what is filled in to the platform</source>
        <translation>Skickar det ifyllda till plattformen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closes the dialog; a call under way is stopped</source>
        <translation>Stänger dialogen; ett pågående anrop avbryts</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sign in to the platform</source>
        <translation>Logga in på plattformen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your work is always saved on this computer. Signed in, coapp also keeps it on the platform and your other computers.</source>
        <translation>Ditt arbete sparas alltid på den här datorn. När du är inloggad finns det också på plattformen och dina andra datorer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an account…</source>
        <translation>Skapa ett konto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a platform account</source>
        <translation>Skapa ett konto på plattformen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform mails you a code to confirm the address; you enter it here next.</source>
        <translation>Plattformen mejlar dig en kod som bekräftar adressen; du skriver in den här i nästa steg.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create account</source>
        <translation>Skapa konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have an account</source>
        <translation>Jag har ett konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm your e-mail address</source>
        <translation>Bekräfta din e-postadress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We sent a confirmation code to {email}. Enter it here to finish.</source>
        <translation>Vi har skickat en bekräftelsekod till {email}. Skriv in den här för att bli klar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm and sign in</source>
        <translation>Bekräfta och logga in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to sign in</source>
        <translation>Tillbaka till inloggningen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter your e-mail address, like name@example.com.</source>
        <translation>Skriv din e-postadress, till exempel namn@example.com.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>Lösenorden skiljer sig åt; skriv samma lösenord två gånger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the code from the mail.</source>
        <translation>Skriv koden från mejlet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating the account…</source>
        <translation>Skapar kontot…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirming…</source>
        <translation>Bekräftar…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+75"/>
        <source>Write the platform&apos;s address like https://platform.example.</source>
        <translation>Skriv plattformens adress som https://plattform.example.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Use https:// for a server on another computer: your password and data travel to it. Only this computer may use http://.</source>
        <translation>Använd https:// för en server på en annan dator: ditt lösenord och dina data skickas dit. Bara den här datorn får använda http://.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled.</source>
        <translation>Avbrutet.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This account is not confirmed yet: enter the code from the mail we sent.</source>
        <translation>Kontot är inte bekräftat än: skriv koden från mejlet vi skickade.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The server at this address does not answer like the platform. Check the address.</source>
        <translation>Servern på den här adressen svarar inte som plattformen. Kontrollera adressen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach {server}. Check the address and the internet connection, then try again.</source>
        <translation>Når inte {server}. Kontrollera adressen och internetanslutningen och försök sedan igen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many attempts. Try again in {wait}.</source>
        <translation>För många försök. Försök igen om {wait}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The e-mail address or the password is wrong.</source>
        <translation>E-postadressen eller lösenordet är fel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform wants a stronger password: {reasons}.</source>
        <translation>Plattformen vill ha ett starkare lösenord: {reasons}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An account with this e-mail address already exists: sign in with it.</source>
        <translation>Det finns redan ett konto med den här e-postadressen: logga in med det.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not an e-mail address the platform accepts.</source>
        <translation>Plattformen godtar inte den här e-postadressen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This code is unknown or has expired. Check the newest mail from the platform.</source>
        <translation>Koden är okänd eller har gått ut. Titta i det senaste mejlet från plattformen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This data folder belongs to {email}. Sign in as that account, or start coapp with another data folder (--data-dir) for this one.</source>
        <translation>Den här datamappen hör till {email}. Logga in med det kontot, eller starta coapp med en annan datamapp (--data-dir) för det här.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another account</source>
        <translation>ett annat konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This version of coapp is too old for the platform. Update coapp, then sign in.</source>
        <translation>Den här versionen av coapp är för gammal för plattformen. Uppdatera coapp och logga sedan in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform refused: {reason}</source>
        <translation>Plattformen nekade: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} seconds</source>
        <translation>{n} sekunder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 second</source>
        <translation>1 sekund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} minutes</source>
        <translation>{n} minuter</translation>
    </message>
</context>
<context>
    <name>SkillsPanel</name>
    <message>
        <location filename="../../coapp/ui/profile/skills_panel.py" line="+47"/>
        <source>Skills</source>
        <translation>Kompetenser</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a skill, e.g. Python, and press Enter</source>
        <translation>Lägg till en kompetens, t.ex. Python, och tryck Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New skill</source>
        <translation>Ny kompetens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completes from known skills; Enter adds it</source>
        <translation>Kompletteras från kända kompetenser; Enter lägger till</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your skills</source>
        <translation>Dina kompetenser</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Skill</source>
        <translation>Kompetens</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Beginner</source>
        <translation>Nybörjare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elementary</source>
        <translation>Grundläggande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate</source>
        <translation>Medel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>Avancerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+19"/>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+22"/>
        <source>Years</source>
        <translation>År</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Enter or F2 changes the level, Tab goes on to the years; Delete removes the selected skill; Ctrl+Z takes a change back</source>
        <translation>Enter eller F2 ändrar nivån, Tab går vidare till åren; Delete tar bort den markerade kompetensen; Ctrl+Z ångrar en ändring</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No level</source>
        <translation>Ingen nivå</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No skills yet: type one above and press Enter.</source>
        <translation>Inga kompetenser än: skriv en ovan och tryck Enter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with a skill</source>
        <translation>Problem med en kompetens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter or double-click changes a level, Tab the years; Delete removes.</source>
        <translation>Enter eller dubbelklick ändrar nivån, Tab åren; Delete tar bort.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove skill</source>
        <translation>Ta bort kompetens</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>level {level} of 5</source>
        <translation>nivå {level} av 5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} years</source>
        <translation>{n} år</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 year</source>
        <translation>1 år</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Remove skill {name}</source>
        <translation>Ta bort kompetensen {name}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Change {name}</source>
        <translation>Ändra {name}</translation>
    </message>
</context>
<context>
    <name>StatesChart</name>
    <message>
        <location filename="../../coapp/ui/insights/charts.py" line="+86"/>
        <source>No invoices in this period.</source>
        <translation>Inga fakturor under perioden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{state}: 1 invoice, {amount}</source>
        <translation>{state}: 1 faktura, {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state}: {count} invoices, {amount}</source>
        <translation>{state}: {count} fakturor, {amount}</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <location filename="../../coapp/ui/sync/status_widget.py" line="+25"/>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Syncing…</source>
        <translation>Synkroniserar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out – sign in to sync</source>
        <translation>Utloggad – logga in för att synkronisera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed in – your work stays on this computer</source>
        <translation>Inte inloggad – ditt arbete finns kvar på den här datorn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline – {waiting}</source>
        <translation>Offline – {waiting}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync failed – click to try again</source>
        <translation>Synkroniseringen misslyckades – klicka för att försöka igen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Inte synkroniserad än</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this computer&apos;s clock is {n} min off</source>
        <translation>datorns klocka går fel med {n} min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 change was refused</source>
        <translation>1 ändring avvisades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} changes were refused</source>
        <translation>{n} ändringar avvisades</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing waiting</source>
        <translation>inget väntar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 change waiting</source>
        <translation>1 ändring väntar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} changes waiting</source>
        <translation>{n} ändringar väntar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Synced just now</source>
        <translation>Synkroniserad nyss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced {n} min ago</source>
        <translation>Synkroniserad för {n} min sedan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced at {time}</source>
        <translation>Synkroniserad kl. {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced on {date}</source>
        <translation>Synkroniserad {date}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed in as {email} on {server}</source>
        <translation>Inloggad som {email} på {server}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The platform cannot be reached; coapp tries again by itself.</source>
        <translation>Plattformen går inte att nå; coapp försöker igen av sig själv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last sync failed: {reason}</source>
        <translation>Den senaste synkroniseringen misslyckades: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set this computer&apos;s clock right: times you record are compared with the platform&apos;s.</source>
        <translation>Ställ datorns klocka rätt: tiderna du registrerar jämförs med plattformens.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Click to see the refused changes.</source>
        <translation>Klicka för att se de avvisade ändringarna.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to sign in.</source>
        <translation>Klicka för att logga in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to sync now (F5).</source>
        <translation>Klicka för att synkronisera nu (F5).</translation>
    </message>
</context>
<context>
    <name>TimerController</name>
    <message>
        <location filename="../../coapp/ui/timesheet/timer_panel.py" line="+51"/>
        <source>Select a contract row to start its timer.</source>
        <translation>Markera en avtalsrad för att starta dess timer.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Timer started for {title}.</source>
        <translation>Timern startad för {title}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The timer keeps running: {reason}</source>
        <translation>Timern fortsätter att gå: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Timer stopped after less than a minute; nothing was added.</source>
        <translation>Timern stoppades efter mindre än en minut; ingenting lades till.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timer stopped: {time} h added to {title}.</source>
        <translation>Timern stoppad: {time} h har lagts till på {title}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Timer stopped: {time} h added to {title} up to its last day, {end}; {dropped} h after it were not recorded.</source>
        <translation>Timern stoppad: {time} h har lagts till på {title} fram till sista dagen, {end}; {dropped} h efter den registrerades inte.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{minutes} min away were taken off the timer.</source>
        <translation>{minutes} min borta har dragits av från timern.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Timer {elapsed} · {title}</source>
        <translation>Timer {elapsed} · {title}</translation>
    </message>
</context>
<context>
    <name>TimesheetController</name>
    <message>
        <location filename="../../coapp/ui/timesheet/controller.py" line="+69"/>
        <location line="+15"/>
        <source>Edit time</source>
        <translation>Ändra tid</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing to copy: last week has no time that fits this week.</source>
        <translation>Inget att kopiera: förra veckan har ingen tid som passar in den här veckan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy last week</source>
        <translation>Kopiera förra veckan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied 1 day from last week.</source>
        <translation>Kopierade 1 dag från förra veckan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied {n} days from last week.</source>
        <translation>Kopierade {n} dagar från förra veckan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skipped {n} (holidays, days that already hold time or are full).</source>
        <translation>Hoppade över {n} (helgdagar och dagar som redan har tid eller är fulla).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not undo or redo: {reason}</source>
        <translation>Kunde inte ångra eller göra om: {reason}</translation>
    </message>
</context>
<context>
    <name>TimesheetScreen</name>
    <message>
        <location filename="../../coapp/ui/timesheet/screen.py" line="+70"/>
        <location line="+32"/>
        <source>Timesheet</source>
        <translation>Tidrapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous week (Alt+Left)</source>
        <translation>Föregående vecka (Alt+Vänster)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+154"/>
        <source>This week</source>
        <translation>Denna vecka</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Go to this week (Alt+Home)</source>
        <translation>Gå till denna vecka (Alt+Hem)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next week (Alt+Right)</source>
        <translation>Nästa vecka (Alt+Höger)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the week of a date</source>
        <translation>Gå till veckan för ett datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the week of a date (Ctrl+G)</source>
        <translation>Gå till veckan för ett datum (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Week shown</source>
        <translation>Visad vecka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its number and its days</source>
        <translation>Dess nummer och dagar</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Copy last week</source>
        <translation>Kopiera förra veckan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy last week&apos;s rows and hours (Ctrl+Shift+C); more in the menu</source>
        <translation>Kopiera förra veckans rader och timmar (Ctrl+Skift+C); fler val i menyn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows only</source>
        <translation>Bara rader</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows and hours</source>
        <translation>Rader och timmar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows, hours and notes</source>
        <translation>Rader, timmar och anteckningar</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+309"/>
        <location line="+3"/>
        <source>Start timer</source>
        <translation>Starta timer</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Start or stop the timer for the selected contract (Ctrl+T)</source>
        <translation>Starta eller stoppa timern för det markerade avtalet (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft invoice for the week</source>
        <translation>Fakturautkast för veckan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draft invoice for the month</source>
        <translation>Fakturautkast för månaden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Draft invoice</source>
        <translation>Skapa fakturautkast</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft an invoice for the selected contract and the week shown (Ctrl+I); month: in the menu</source>
        <translation>Skapa ett fakturautkast för det markerade avtalet och den visade veckan (Ctrl+I); månad: i menyn</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Timesheet message</source>
        <translation>Meddelande i tidrapporten</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Edit note…</source>
        <translation>Redigera anteckning…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard timer…</source>
        <translation>Ta bort timern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start/stop timer</source>
        <translation>Starta/stoppa timer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous week</source>
        <translation>Föregående vecka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next week</source>
        <translation>Nästa vecka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to date…</source>
        <translation>Gå till datum…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide row this week</source>
        <translation>Dölj raden denna vecka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a contract of your own…</source>
        <translation>Lägg till ett eget avtal…</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No contracts run this week. Go to a week inside a contract&apos;s period (Alt+Home: this week), or add a contract: Time ▸ Add a contract of your own…</source>
        <translation>Inga avtal löper den här veckan. Gå till en vecka inom ett avtals period (Alt+Home: denna vecka), eller lägg till ett avtal: Tid ▸ Lägg till ett eget avtal…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No time this week yet. Type hours into a cell, or copy last week: Ctrl+Shift+C</source>
        <translation>Ingen tid den här veckan än. Skriv timmar i en cell, eller kopiera förra veckan: Ctrl+Skift+C</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show {title}</source>
        <translation>Visa {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} hidden</source>
        <translation>{n} dolda</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No time reported this week yet</source>
        <translation>Ingen tid rapporterad den här veckan än</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} h reported this week</source>
        <translation>{hours} h rapporterat den här veckan</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add a contract first: sign in, try the demo, or add one of your own.</source>
        <translation>Lägg till ett avtal först: logga in, prova demon eller lägg till ett eget.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>No contract yet: choose how to start</source>
        <translation>Inget avtal än: välj hur du vill börja</translation>
    </message>
    <message>
        <location filename="../../coapp/ui/timesheet/own_contracts.py" line="+33"/>
        <source>Demo data added: {contracts} contracts, two years of time, {invoices} invoices and 1 draft to confirm.</source>
        <translation>Demodata tillagd: {contracts} avtal, två års tid, {invoices} fakturor och 1 utkast att bekräfta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demo data added: {contracts} contracts, two years of time, {invoices} invoices and {drafts} drafts to confirm.</source>
        <translation>Demodata tillagd: {contracts} avtal, två års tid, {invoices} fakturor och {drafts} utkast att bekräfta.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Contract {title} added.</source>
        <translation>Avtalet {title} är tillagt.</translation>
    </message>
    <message>
        <location filename="../../coapp/ui/timesheet/screen.py" line="+51"/>
        <source>Start the timer for the selected contract (Ctrl+T)</source>
        <translation>Starta timern för det markerade avtalet (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop timer</source>
        <translation>Stoppa timer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the timer for {title} (Ctrl+T)</source>
        <translation>Stoppa timern för {title} (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No timer is running.</source>
        <translation>Ingen timer är igång.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discard timer</source>
        <translation>Ta bort timern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the timer for {title} without recording its time?</source>
        <translation>Stoppa timern för {title} utan att spara tiden?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The timer was discarded; no time was recorded.</source>
        <translation>Timern togs bort; ingen tid sparades.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a contract&apos;s row to draft its invoice.</source>
        <translation>Markera ett avtals rad för att skapa dess fakturautkast.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a day of a contract to write its note.</source>
        <translation>Markera en dag för ett avtal för att skriva en anteckning.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This day is on a confirmed invoice and is read-only.</source>
        <translation>Den här dagen finns på en bekräftad faktura och är skrivskyddad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the time first; a note belongs to reported time.</source>
        <translation>Skriv in tiden först; en anteckning hör till rapporterad tid.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit note</source>
        <translation>Redigera anteckning</translation>
    </message>
    <message>
        <location filename="../../coapp/ui/timesheet/row_visibility.py" line="+39"/>
        <source>Only rows without time this week can be hidden.</source>
        <translation>Bara rader utan tid den här veckan kan döljas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide row</source>
        <translation>Dölj rad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show row</source>
        <translation>Visa rad</translation>
    </message>
</context>
<context>
    <name>Toolkit</name>
    <message>
        <location filename="../../coapp/ui/toolkit.py" line="+98"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Page Up and Page Down scroll; Tab moves to what is inside</source>
        <translation>Page Up och Page Down rullar; Tab flyttar till innehållet</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../coapp/ui/data_safety/update_notice.py" line="+102"/>
        <source>coapp {version} is available (you have {running}). Update it the way you installed it; coapp never downloads anything by itself.</source>
        <translation>coapp {version} finns (du har {running}). Uppdatera på samma sätt som du installerade; coapp laddar aldrig ner något på egen hand.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>coapp {running} is the newest version.</source>
        <translation>coapp {running} är den senaste versionen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The platform cannot be reached; try again when you are online.</source>
        <translation>Plattformen går inte att nå; försök igen när du är uppkopplad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the platform to check for updates.</source>
        <translation>Logga in på plattformen för att söka efter uppdateringar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform did not say which version is the newest.</source>
        <translation>Plattformen angav inte vilken version som är den senaste.</translation>
    </message>
</context>
<context>
    <name>UtilisationChart</name>
    <message>
        <location filename="../../coapp/ui/insights/charts.py" line="-80"/>
        <source>utilisation, % of the expected hours</source>
        <translation>beläggning, % av de förväntade timmarna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W</source>
        <translation>v</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{week}: no contract expected time</source>
        <translation>{week}: inget avtal förväntade tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{week}: {percent} % ({reported} of {expected} hours)</source>
        <translation>{week}: {percent} % ({reported} av {expected} timmar)</translation>
    </message>
</context>
<context>
    <name>WeekGridModel</name>
    <message>
        <location filename="../../coapp/ui/timesheet/grid_model.py" line="+231"/>
        <location line="+45"/>
        <source>Total</source>
        <translation>Summa</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>On a confirmed invoice: read-only. Credit the invoice to change it.</source>
        <translation>På en bekräftad faktura: skrivskyddad. Kreditera fakturan för att ändra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outside the contract&apos;s period</source>
        <translation>Utanför avtalets period</translation>
    </message>
</context>
<context>
    <name>WeekGridView</name>
    <message>
        <location filename="../../coapp/ui/timesheet/grid_view.py" line="+60"/>
        <source>Weekly timesheet</source>
        <translation>Veckans tidrapport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows are contracts, columns Monday to Sunday. Type hours like 7,5 or 7:30.</source>
        <translation>Raderna är avtal, kolumnerna måndag till söndag. Skriv timmar som 7,5 eller 7:30.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>This day is on a confirmed invoice and is read-only.</source>
        <translation>Den här dagen finns på en bekräftad faktura och är skrivskyddad.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Paste</source>
        <translation>Klistra in</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
</context>
<context>
    <name>WeekValueCard</name>
    <message>
        <location filename="../../coapp/ui/timesheet/week_value_card.py" line="+39"/>
        <source>What this week is worth</source>
        <translation>Vad veckan är värd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The week&apos;s time at the contracts&apos; rates, before VAT, and what you are paid</source>
        <translation>Veckans tid till avtalens priser, före moms, och vad du får</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>commission {commission}, reverse charge on its VAT</source>
        <translation>provision {commission}, omvänd skattskyldighet för dess moms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>commission {commission} + VAT {vat}</source>
        <translation>provision {commission} + moms {vat}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Worth {value} + VAT {vat} · {commission} · paid to you {payout}</source>
        <translation>Värde {value} + moms {vat} · {commission} · utbetalas till dig {payout}</translation>
    </message>
</context>
<context>
    <name>WindowNotices</name>
    <message>
        <location filename="../../coapp/ui/window_notices.py" line="+82"/>
        <source>{n} applications moved</source>
        <translation>{n} ansökningar har rört sig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 application moved</source>
        <translation>1 ansökan har rört sig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} unread messages</source>
        <translation>{n} olästa meddelanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 unread message</source>
        <translation>1 oläst meddelande</translation>
    </message>
</context>
</TS>
