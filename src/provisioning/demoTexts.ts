/**
 * The demo PMO in the site's language: Swedish, Danish and Dutch for the English texts the seed
 * writes, keyed by the English text, so the seed keeps one list of records and only its words
 * change. The PMO's front door texts and news are written here in all four languages.
 */
export type DemoLanguage = 'en-US' | 'sv-SE' | 'da-DK' | 'nl-NL';
export const DEMO_LANGUAGES: readonly DemoLanguage[] = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'];

/** SharePoint's LCIDs of the languages PMO Hub speaks; any other site language gets English. */
const LANGUAGE_OF_LCID: Record<number, DemoLanguage> = { 1033: 'en-US', 1053: 'sv-SE', 1030: 'da-DK', 1043: 'nl-NL' };

export function languageOfLcid(lcid: number | undefined): DemoLanguage {
  return (lcid !== undefined && LANGUAGE_OF_LCID[lcid]) || 'en-US';
}

type Translations = [sv: string, da: string, nl: string];

const T: Record<string, Translations> = {
  // Project descriptions
  'One self-service portal for all customer errands, replacing three legacy sites.': ['En självserviceportal för alla kundärenden som ersätter tre gamla webbplatser.', 'Én selvbetjeningsportal til alle kundehenvendelser, der afløser tre gamle websteder.', 'Eén selfserviceportaal voor alle klantvragen, ter vervanging van drie oude sites.'],
  'Electronic signing of supplier and customer contracts with MitID and BankID.': ['Elektronisk signering av leverantörs- och kundavtal med MitID och BankID.', 'Elektronisk underskrift af leverandør- og kundekontrakter med MitID og BankID.', 'Elektronisch ondertekenen van leveranciers- en klantcontracten met MitID en BankID.'],
  'Replace the on-premises HR system with a cloud HR suite for all three countries.': ['Ersätt det lokala HR-systemet med en HR-tjänst i molnet för alla tre länder.', 'Udskift det lokale HR-system med en HR-løsning i skyen for alle tre lande.', 'Het lokale HR-systeem vervangen door een HR-suite in de cloud voor alle drie landen.'],
  'Move the Uppsala office to district heating and retire the oil boiler.': ['Anslut Uppsalakontoret till fjärrvärme och avveckla oljepannan.', 'Overgang til fjernvarme på kontoret i Uppsala og udfasning af oliefyret.', 'Het kantoor in Uppsala op stadsverwarming aansluiten en de olieketel uitfaseren.'],
  'Upgrade the ERP platform to the vendor-supported release before support ends.': ['Uppgradera ERP-plattformen till en version med leverantörsstöd innan supporten upphör.', 'Opgrader ERP-platformen til en understøttet version, før supporten ophører.', 'Het ERP-platform upgraden naar een ondersteunde versie voordat de ondersteuning stopt.'],
  'A chatbot answering the twenty most common customer questions around the clock.': ['En chattbot som dygnet runt svarar på de tjugo vanligaste kundfrågorna.', 'En chatbot, der døgnet rundt besvarer de tyve mest almindelige kundespørgsmål.', 'Een chatbot die dag en nacht de twintig meest gestelde klantvragen beantwoordt.'],
  'Solar panels on the Malmö warehouse roof covering 40 % of its electricity.': ['Solceller på lagrets tak i Malmö som täcker 40 % av elbehovet.', 'Solceller på lagerets tag i Malmø, der dækker 40 % af elforbruget.', 'Zonnepanelen op het dak van het magazijn in Malmö voor 40 % van de stroom.'],
  'A twelve-month programme for the 60 new team leaders.': ['Ett tolv månader långt program för de 60 nya teamledarna.', 'Et tolv måneders forløb for de 60 nye teamledere.', 'Een programma van twaalf maanden voor de 60 nieuwe teamleiders.'],
  'Move the data warehouse to a cloud platform and retire the nightly batch.': ['Flytta datalagret till en molnplattform och avveckla nattkörningen.', 'Flyt datavarehuset til en cloudplatform og udfas natkørslen.', 'Het datawarehouse naar een cloudplatform verhuizen en de nachtelijke batch uitfaseren.'],
  'A SharePoint intranet for all staff, with news, pages and the PMO hub.': ['Ett SharePoint-intranät för alla medarbetare, med nyheter, sidor och PMO-hubben.', 'Et SharePoint-intranet for alle medarbejdere med nyheder, sider og PMO-hubben.', 'Een SharePoint-intranet voor alle medewerkers, met nieuws, pagina\'s en de PMO-hub.'],
  'Automate the regression tests of the customer systems.': ['Automatisera regressionstesterna av kundsystemen.', 'Automatisér regressionstestene af kundesystemerne.', 'De regressietests van de klantsystemen automatiseren.'],
  'Replace 120 company cars with electric cars and install chargers at all sites.': ['Byt 120 tjänstebilar mot elbilar och installera laddare på alla orter.', 'Udskift 120 firmabiler med elbiler og installér ladere på alle lokationer.', '120 leaseauto\'s vervangen door elektrische auto\'s en laadpalen plaatsen op alle locaties.'],
  'Send and receive all invoices through the Peppol network.': ['Skicka och ta emot alla fakturor via Peppol-nätverket.', 'Send og modtag alle fakturaer via Peppol-netværket.', 'Alle facturen verzenden en ontvangen via het Peppol-netwerk.'],
  'A yearly employee survey with results per team.': ['En årlig medarbetarundersökning med resultat per team.', 'En årlig medarbejderundersøgelse med resultater pr. team.', 'Een jaarlijks medewerkersonderzoek met resultaten per team.'],
  'Raise our security maturity: MFA everywhere, EDR, and incident response drills.': ['Höj vår säkerhetsmognad: MFA överallt, EDR och övningar i incidenthantering.', 'Løft vores sikkerhedsmodenhed: MFA overalt, EDR og øvelser i hændelseshåndtering.', 'Onze beveiligingsvolwassenheid verhogen: overal MFA, EDR en oefeningen in incidentrespons.'],
  'Map the customer journey across channels and remove the five worst frictions.': ['Kartlägg kundresan över alla kanaler och ta bort de fem värsta hindren.', 'Kortlæg kunderejsen på tværs af kanaler og fjern de fem værste forhindringer.', 'De klantreis over alle kanalen in kaart brengen en de vijf grootste knelpunten wegnemen.'],
  'A warehouse management system with scanners and automatic replenishment.': ['Ett lagerstyrningssystem med skannrar och automatisk påfyllning.', 'Et lagerstyringssystem med scannere og automatisk genopfyldning.', 'Een magazijnbeheersysteem met scanners en automatische aanvulling.'],
  'A digital onboarding journey from signed contract to first month.': ['En digital introduktion från påskrivet avtal till första månaden.', 'En digital onboarding fra underskrevet kontrakt til første måned.', 'Een digitale onboarding van getekend contract tot de eerste maand.'],
  'Consolidate two server rooms into one with free cooling.': ['Slå ihop två serverhallar till en med frikyla.', 'Saml to serverrum i ét med frikøling.', 'Twee serverruimtes samenvoegen tot één met vrije koeling.'],
  'A mobile app for field technicians: work orders, parts and photos.': ['En mobilapp för fälttekniker: arbetsordrar, reservdelar och foton.', 'En mobilapp til serviceteknikere: arbejdsordrer, reservedele og fotos.', 'Een mobiele app voor buitendiensttechnici: werkorders, onderdelen en foto\'s.'],
  'Find and delete personal data kept beyond its retention period.': ['Hitta och radera personuppgifter som sparats längre än tillåtet.', 'Find og slet personoplysninger, der er gemt ud over opbevaringsperioden.', 'Persoonsgegevens die langer dan toegestaan bewaard zijn opsporen en verwijderen.'],
  'One planning tool for the yearly budget instead of 40 spreadsheets.': ['Ett planeringsverktyg för årsbudgeten i stället för 40 kalkylblad.', 'Ét planlægningsværktøj til det årlige budget i stedet for 40 regneark.', 'Eén planningstool voor de jaarbegroting in plaats van 40 spreadsheets.'],
  'Move the Copenhagen office to an activity-based workplace.': ['Flytta Köpenhamnskontoret till en aktivitetsbaserad arbetsplats.', 'Flyt kontoret i København til en aktivitetsbaseret arbejdsplads.', 'Het kantoor in Kopenhagen verhuizen naar een activiteitgerichte werkplek.'],
  'Measure customer satisfaction after every closed errand.': ['Mät kundnöjdheten efter varje avslutat ärende.', 'Mål kundetilfredsheden efter hver afsluttet henvendelse.', 'De klanttevredenheid meten na elke afgesloten vraag.'],
  'A skills matrix so staffing of projects starts from competencies.': ['En kompetensmatris så att bemanningen av projekt utgår från kompetens.', 'En kompetencematrix, så bemandingen af projekter tager udgangspunkt i kompetencer.', 'Een competentiematrix zodat de bemensing van projecten uitgaat van competenties.'],
  'Refurbish and reuse laptops and phones instead of buying new.': ['Renovera och återanvänd datorer och telefoner i stället för att köpa nytt.', 'Istandsæt og genbrug computere og telefoner i stedet for at købe nyt.', 'Laptops en telefoons opknappen en hergebruiken in plaats van nieuw te kopen.'],
  'An API gateway so partners integrate without custom file transfers.': ['En API-gateway så att partner integrerar utan egna filöverföringar.', 'En API-gateway, så partnere integrerer uden særlige filoverførsler.', 'Een API-gateway zodat partners koppelen zonder eigen bestandsoverdrachten.'],
  'A purchase-to-pay process with approval in the ERP.': ['En process från inköp till betalning med attest i affärssystemet.', 'En proces fra indkøb til betaling med godkendelse i ERP-systemet.', 'Een inkoop-tot-betalingproces met goedkeuring in het ERP.'],
  'Train before plane under 600 km, and climate reporting of travel.': ['Tåg före flyg under 600 km och klimatredovisning av resor.', 'Tog frem for fly under 600 km og klimaregnskab for rejser.', 'Trein boven vliegtuig onder 600 km, en klimaatrapportage van reizen.'],
  'One knowledge base for customer service agents and the chatbot.': ['En kunskapsbank för kundtjänstens medarbetare och chattboten.', 'Én vidensbase for kundeservicemedarbejdere og chatbotten.', 'Eén kennisbank voor klantenservicemedewerkers en de chatbot.'],
  // Units
  'Digital Services': ['Digitala tjänster', 'Digitale tjenester', 'Digitale diensten'],
  Finance: ['Ekonomi', 'Økonomi', 'Financiën'],
  HR: ['HR', 'HR', 'HR'],
  Infrastructure: ['Infrastruktur', 'Infrastruktur', 'Infrastructuur'],
  'Customer Service': ['Kundtjänst', 'Kundeservice', 'Klantenservice'],
  IT: ['IT', 'IT', 'IT'],
  Operations: ['Verksamhet', 'Drift', 'Bedrijfsvoering'],
  // Status texts
  'On track: milestones of the period met.': ['Enligt plan: periodens milstolpar är nådda.', 'Efter planen: periodens milepæle er nået.', 'Op koers: de mijlpalen van de periode zijn gehaald.'],
  'Continue with the plan; prepare the next steering group.': ['Fortsätt enligt plan; förbered nästa styrgrupp.', 'Fortsæt efter planen; forbered næste styregruppemøde.', 'Doorgaan volgens plan; de volgende stuurgroep voorbereiden.'],
  'Some delays; the team is working on a recovery plan.': ['Vissa förseningar; teamet arbetar med en åtgärdsplan.', 'Nogle forsinkelser; teamet arbejder på en genopretningsplan.', 'Enige vertraging; het team werkt aan een herstelplan.'],
  'Agree the recovery plan with the sponsor at the next steering group.': ['Förankra åtgärdsplanen hos beställaren på nästa styrgrupp.', 'Aftal genopretningsplanen med sponsoren på næste styregruppemøde.', 'Het herstelplan met de opdrachtgever afstemmen in de volgende stuurgroep.'],
  'Critical: the end date or budget will not hold without a decision.': ['Kritiskt: slutdatum eller budget håller inte utan ett beslut.', 'Kritisk: slutdato eller budget holder ikke uden en beslutning.', 'Kritiek: de einddatum of het budget houdt geen stand zonder besluit.'],
  'Escalate to the steering group and present options.': ['Eskalera till styrgruppen och presentera alternativ.', 'Eskalér til styregruppen og præsentér muligheder.', 'Escaleren naar de stuurgroep en opties voorleggen.'],
  // Risks and their mitigations
  'Key supplier delivers late': ['Viktig leverantör levererar sent', 'Vigtig leverandør leverer for sent', 'Belangrijke leverancier levert te laat'],
  'Weekly follow-up with the supplier; penalty clause in the contract.': ['Veckovis uppföljning med leverantören; vitesklausul i avtalet.', 'Ugentlig opfølgning med leverandøren; bodsklausul i kontrakten.', 'Wekelijkse opvolging met de leverancier; boeteclausule in het contract.'],
  'Key people not available': ['Nyckelpersoner är inte tillgängliga', 'Nøglepersoner er ikke til rådighed', 'Sleutelpersonen niet beschikbaar'],
  'Agree allocation with line managers; name back-ups.': ['Kom överens om bemanning med linjecheferna; utse ersättare.', 'Aftal bemanding med linjelederne; udpeg stedfortrædere.', 'Inzet afspreken met lijnmanagers; vervangers aanwijzen.'],
  'Requirements keep changing': ['Kraven ändras hela tiden', 'Kravene ændrer sig hele tiden', 'Eisen blijven veranderen'],
  'Change control through the steering group.': ['Ändringshantering via styrgruppen.', 'Ændringsstyring via styregruppen.', 'Wijzigingsbeheer via de stuurgroep.'],
  'Integration with legacy systems harder than planned': ['Integration med äldre system svårare än planerat', 'Integration med ældre systemer sværere end planlagt', 'Koppeling met oude systemen moeilijker dan gepland'],
  'Early technical spike; budget reserve.': ['Tidig teknisk förstudie; budgetreserv.', 'Tidlig teknisk afklaring; budgetreserve.', 'Vroeg technisch onderzoek; budgetreserve.'],
  'Low adoption by users': ['Låg användning bland användarna', 'Lav anvendelse blandt brugerne', 'Lage acceptatie door gebruikers'],
  'Involve super-users early; training before go-live.': ['Involvera superanvändare tidigt; utbildning före driftstart.', 'Involvér superbrugere tidligt; undervisning før idriftsættelse.', 'Key-users vroeg betrekken; training vóór livegang.'],
  'Budget cut in next year\'s plan': ['Budgetnedskärning i nästa års plan', 'Budgetnedskæring i næste års plan', 'Bezuiniging in het plan van volgend jaar'],
  'Show benefits to the sponsor; phase the scope.': ['Visa nyttan för beställaren; etappindela omfattningen.', 'Vis gevinsterne for sponsoren; opdel omfanget i faser.', 'De baten aan de opdrachtgever tonen; de scope faseren.'],
  // Criteria
  'How strongly the project moves a strategic objective.': ['Hur starkt projektet bidrar till ett strategiskt mål.', 'Hvor meget projektet bidrager til et strategisk mål.', 'Hoe sterk het project bijdraagt aan een strategisch doel.'],
  'Expected benefits: revenue, savings, customer value.': ['Förväntad nytta: intäkter, besparingar, kundvärde.', 'Forventede gevinster: omsætning, besparelser, kundeværdi.', 'Verwachte baten: omzet, besparingen, klantwaarde.'],
  'Delivery risk (5 = low risk).': ['Leveransrisk (5 = låg risk).', 'Leverancerisiko (5 = lav risiko).', 'Leveringsrisico (5 = laag risico).'],
  'Cost and people needed (5 = small effort).': ['Kostnad och personer som behövs (5 = liten insats).', 'Omkostninger og folk, der skal til (5 = lille indsats).', 'Benodigde kosten en mensen (5 = kleine inspanning).'],
  // Expert bios
  'Twelve years of customer-facing programmes; likes a whiteboard.': ['Tolv år av kundnära program; gillar en whiteboard.', 'Tolv års kundevendte programmer; holder af en whiteboard.', 'Twaalf jaar klantgerichte programma\'s; houdt van een whiteboard.'],
  'Programme manager who has chaired 40+ steering groups.': ['Programledare som har lett fler än 40 styrgrupper.', 'Programleder, der har ledet over 40 styregrupper.', 'Programmamanager die meer dan 40 stuurgroepen heeft voorgezeten.'],
  'Agile coach; helps teams find a rhythm that fits.': ['Agil coach; hjälper team att hitta en rytm som passar.', 'Agil coach; hjælper teams med at finde en rytme, der passer.', 'Agile coach; helpt teams een ritme te vinden dat past.'],
  'Test manager: test strategies, acceptance and go-live readiness.': ['Testledare: teststrategier, acceptans och driftsättningsberedskap.', 'Testleder: teststrategier, accept og klarhed til idriftsættelse.', 'Testmanager: teststrategieën, acceptatie en gereedheid voor livegang.'],
  'External PRINCE2 practitioner and trainer.': ['Extern PRINCE2-praktiker och utbildare.', 'Ekstern PRINCE2-praktiker og underviser.', 'Externe PRINCE2-practitioner en trainer.'],
  'HR projects and organisational change; back in January.': ['HR-projekt och organisationsförändring; tillbaka i januari.', 'HR-projekter og organisationsforandring; tilbage i januar.', 'HR-projecten en organisatieverandering; terug in januari.'],
  // Lessons: title, what happened, recommendation
  'Involve procurement before the PID is approved': ['Involvera inköp innan projektdirektivet godkänns', 'Involvér indkøb, før projektgrundlaget godkendes', 'Betrek inkoop voordat het PID is goedgekeurd'],
  'The tender took four months longer than planned because procurement joined late.': ['Upphandlingen tog fyra månader längre än planerat eftersom inköp kom in sent.', 'Udbuddet tog fire måneder længere end planlagt, fordi indkøb kom sent med.', 'De aanbesteding duurde vier maanden langer dan gepland omdat inkoop laat aansloot.'],
  'Add procurement to the initiation checklist.': ['Lägg till inköp i checklistan för uppstart.', 'Tilføj indkøb til tjeklisten for projektstart.', 'Voeg inkoop toe aan de checklist voor de initiatie.'],
  'Steering group needs decisions, not status': ['Styrgruppen behöver beslut, inte status', 'Styregruppen har brug for beslutninger, ikke status', 'De stuurgroep heeft besluiten nodig, geen status'],
  'Meetings were spent on status slides; decisions waited.': ['Mötena gick åt till statusbilder; besluten fick vänta.', 'Møderne gik med statusslides; beslutningerne måtte vente.', 'Vergaderingen gingen op aan statusslides; besluten bleven liggen.'],
  'Send status in advance; spend the meeting on decisions.': ['Skicka status i förväg; använd mötet till beslut.', 'Send status på forhånd; brug mødet på beslutninger.', 'Stuur de status vooraf; besteed de vergadering aan besluiten.'],
  'Budget the test environment': ['Budgetera testmiljön', 'Budgettér testmiljøet', 'Begroot de testomgeving'],
  'No budget for a test environment; testing happened in production.': ['Ingen budget för testmiljö; testerna gjordes i produktion.', 'Intet budget til et testmiljø; testen foregik i produktion.', 'Geen budget voor een testomgeving; er werd in productie getest.'],
  'Include environments in the budget template.': ['Ta med miljöer i budgetmallen.', 'Medtag miljøer i budgetskabelonen.', 'Neem omgevingen op in het begrotingssjabloon.'],
  'Super-users made the go-live': ['Superanvändarna räddade driftstarten', 'Superbrugerne bar idriftsættelsen', 'Key-users maakten de livegang'],
  'Super-users in every team answered 80 % of the questions.': ['Superanvändare i varje team besvarade 80 % av frågorna.', 'Superbrugere i hvert team besvarede 80 % af spørgsmålene.', 'Key-users in elk team beantwoordden 80 % van de vragen.'],
  'Appoint super-users at the start of execution.': ['Utse superanvändare när genomförandet börjar.', 'Udpeg superbrugere, når gennemførelsen begynder.', 'Wijs key-users aan bij de start van de uitvoering.'],
  'Risk log reviewed monthly, not yearly': ['Risklogg ses över varje månad, inte varje år', 'Risikolog gennemgås månedligt, ikke årligt', 'Risicolog maandelijks herzien, niet jaarlijks'],
  'Two risks turned into issues between yearly reviews.': ['Två risker blev till problem mellan de årliga genomgångarna.', 'To risici blev til problemer mellem de årlige gennemgange.', 'Twee risico\'s werden issues tussen de jaarlijkse herzieningen.'],
  'Review the risk log at every status report.': ['Gå igenom riskloggen vid varje statusrapport.', 'Gennemgå risikologgen ved hver statusrapport.', 'Herzie de risicolog bij elke statusrapportage.'],
  'Benefits owner named from day one': ['Nyttoägare utsedd från dag ett', 'Gevinstejer udpeget fra dag ét', 'Batenhouder vanaf dag één benoemd'],
  'Nobody followed up benefits after closure.': ['Ingen följde upp nyttan efter avslut.', 'Ingen fulgte op på gevinsterne efter afslutningen.', 'Niemand volgde de baten op na afsluiting.'],
  'Name the benefits owner in the PID.': ['Ange nyttoägaren i projektdirektivet.', 'Angiv gevinstejeren i projektgrundlaget.', 'Benoem de batenhouder in het PID.'],
  // Benefits (schema 10): titles, descriptions, units and measurement comments
  'Fewer calls to customer service': ['Färre samtal till kundtjänst', 'Færre opkald til kundeservice', 'Minder telefoontjes naar klantenservice'],
  'Errands done in the portal instead of by phone.': ['Ärenden görs i portalen i stället för per telefon.', 'Henvendelser klares i portalen i stedet for pr. telefon.', 'Klantvragen via het portaal in plaats van per telefoon.'],
  'Lower cost of customer service': ['Lägre kostnad för kundtjänst', 'Lavere omkostninger til kundeservice', 'Lagere kosten klantenservice'],
  'Fewer agent hours per errand once the portal is in use.': ['Färre handläggartimmar per ärende när portalen används.', 'Færre medarbejdertimer pr. henvendelse, når portalen er i brug.', 'Minder medewerkersuren per klantvraag zodra het portaal in gebruik is.'],
  'Lower CO₂e from heating': ['Lägre CO₂e från uppvärmning', 'Lavere CO₂e fra opvarmning', 'Minder CO₂e door verwarming'],
  'District heating instead of the oil boiler.': ['Fjärrvärme i stället för oljepannan.', 'Fjernvarme i stedet for oliefyret.', 'Stadsverwarming in plaats van de olieketel.'],
  'Lower heating cost': ['Lägre uppvärmningskostnad', 'Lavere varmeudgifter', 'Lagere stookkosten'],
  'No oil deliveries and no boiler service.': ['Inga oljeleveranser och ingen service av pannan.', 'Ingen olieleverancer og intet kedeleftersyn.', 'Geen olieleveringen en geen ketelonderhoud.'],
  'Questions answered without an agent': ['Frågor besvarade utan handläggare', 'Spørgsmål besvaret uden medarbejder', 'Vragen beantwoord zonder medewerker'],
  'Share of chats the bot closes on its own.': ['Andel chattar som boten avslutar själv.', 'Andel af chats, som botten selv afslutter.', 'Aandeel chats dat de bot zelf afhandelt.'],
  'Hours saved searching for information': ['Sparade timmar på att söka information', 'Sparede timer på at søge information', 'Bespaarde uren aan zoeken naar informatie'],
  'Staff find documents and news in one place.': ['Medarbetarna hittar dokument och nyheter på ett ställe.', 'Medarbejderne finder dokumenter og nyheder ét sted.', 'Medewerkers vinden documenten en nieuws op één plek.'],
  'Fuel cost saved': ['Sparad bränslekostnad', 'Sparede brændstofudgifter', 'Bespaarde brandstofkosten'],
  'Electricity instead of diesel for 120 company cars.': ['El i stället för diesel för 120 tjänstebilar.', 'El i stedet for diesel til 120 firmabiler.', 'Stroom in plaats van diesel voor 120 leaseauto\'s.'],
  'Invoices handled without manual keying': ['Fakturor hanterade utan manuell inmatning', 'Fakturaer behandlet uden manuel indtastning', 'Facturen verwerkt zonder handmatige invoer'],
  'Peppol invoices go straight into the ERP.': ['Peppol-fakturor går direkt in i affärssystemet.', 'Peppol-fakturaer går direkte ind i ERP-systemet.', 'Peppol-facturen gaan direct het ERP in.'],
  'Lower invoice handling cost': ['Lägre kostnad för fakturahantering', 'Lavere omkostninger til fakturabehandling', 'Lagere kosten factuurverwerking'],
  'Less scanning and fewer payment reminders.': ['Mindre skanning och färre betalningspåminnelser.', 'Mindre scanning og færre betalingspåmindelser.', 'Minder scannen en minder betalingsherinneringen.'],
  'calls/month': ['samtal/månad', 'opkald/måned', 'gesprekken/maand'],
  'hours/month': ['timmar/månad', 'timer/måned', 'uren/maand'],
  'First measurement after go-live.': ['Första mätningen efter driftstart.', 'Første måling efter idriftsættelsen.', 'Eerste meting na de livegang.'],
  'Steady improvement.': ['Stadig förbättring.', 'Støt forbedring.', 'Gestage verbetering.'],
  'Latest figure from the monthly report.': ['Senaste siffran från månadsrapporten.', 'Seneste tal fra månedsrapporten.', 'Laatste cijfer uit het maandrapport.']
};

/** The text in the language, or the English text where no translation exists. */
export function tr(lang: DemoLanguage, english: string): string {
  const idx = lang === 'sv-SE' ? 0 : lang === 'da-DK' ? 1 : lang === 'nl-NL' ? 2 : -1;
  const row: readonly string[] | undefined = T[english];
  return idx < 0 ? english : row?.[idx] ?? english;
}

/** Every English text that has translations (a test checks each has all three). */
export function translatedTexts(): string[] {
  return Object.keys(T);
}

type ByLang<V> = Record<DemoLanguage, V>;

/** The meeting cycle's titles and description, per language (the title names the period: the natural key). */
export const EVENT_TEXT: ByLang<{
  quarterly: (q: number, y: number) => string; peer: (q: number, y: number, topic: number) => string;
  experience: (spring: boolean, y: number) => string; training: (spring: boolean, y: number) => string; revision: (y: number) => string;
  description: (title: string) => string;
}> = {
  'en-US': {
    quarterly: (q, y) => `Quarterly challenge meeting Q${q} ${y}`,
    peer: (q, y, t) => `Peer exchange Q${q} ${y}: ${['steering groups that decide', 'planning with uncertainty', 'benefits after go-live', 'closing a project well'][t]}`,
    experience: (spring, y) => `Half-yearly experience meeting: ${spring ? 'spring' : 'autumn'} ${y}`,
    training: (spring, y) => `PRINCE2 Foundation refresher, ${spring ? 'spring' : 'autumn'} ${y}`,
    revision: (y) => `Annual method revision ${y}`,
    description: (title) => `${title}. Agenda: welcome, round of challenges from the projects, themes for the method revision, next steps.`
  },
  'sv-SE': {
    quarterly: (q, y) => `Kvartalsvis utmaningsmöte K${q} ${y}`,
    peer: (q, y, t) => `Erfarenhetsutbyte K${q} ${y}: ${['styrgrupper som beslutar', 'planering med osäkerhet', 'nytta efter driftstart', 'att avsluta ett projekt väl'][t]}`,
    experience: (spring, y) => `Halvårsvis erfarenhetsmöte: ${spring ? 'våren' : 'hösten'} ${y}`,
    training: (spring, y) => `PRINCE2 Foundation repetition, ${spring ? 'våren' : 'hösten'} ${y}`,
    revision: (y) => `Årlig metodrevision ${y}`,
    description: (title) => `${title}. Dagordning: välkommen, runda med utmaningar från projekten, teman för metodrevisionen, nästa steg.`
  },
  'da-DK': {
    quarterly: (q, y) => `Kvartalsvist udfordringsmøde K${q} ${y}`,
    peer: (q, y, t) => `Erfaringsudveksling K${q} ${y}: ${['styregrupper der beslutter', 'planlægning med usikkerhed', 'gevinster efter idriftsættelse', 'at afslutte et projekt godt'][t]}`,
    experience: (spring, y) => `Halvårligt erfaringsmøde: ${spring ? 'foråret' : 'efteråret'} ${y}`,
    training: (spring, y) => `PRINCE2 Foundation genopfriskning, ${spring ? 'foråret' : 'efteråret'} ${y}`,
    revision: (y) => `Årlig metoderevision ${y}`,
    description: (title) => `${title}. Dagsorden: velkomst, runde med udfordringer fra projekterne, temaer til metoderevisionen, næste skridt.`
  },
  'nl-NL': {
    quarterly: (q, y) => `Kwartaaloverleg uitdagingen K${q} ${y}`,
    peer: (q, y, t) => `Intervisie K${q} ${y}: ${['stuurgroepen die besluiten', 'plannen met onzekerheid', 'baten na livegang', 'een project goed afsluiten'][t]}`,
    experience: (spring, y) => `Halfjaarlijkse ervaringsbijeenkomst: ${spring ? 'voorjaar' : 'najaar'} ${y}`,
    training: (spring, y) => `PRINCE2 Foundation opfriscursus, ${spring ? 'voorjaar' : 'najaar'} ${y}`,
    revision: (y) => `Jaarlijkse methoderevisie ${y}`,
    description: (title) => `${title}. Agenda: welkom, ronde met uitdagingen uit de projecten, thema's voor de methoderevisie, volgende stappen.`
  }
};

/** One text of the PMO Front Door list, before it is written. */
export interface DemoFrontDoorText {
  section: 'Purpose' | 'Service' | 'Role' | 'Team';
  title: string;
  body: string;
  serviceArea?: 'Coordinate' | 'Control' | 'Support';
  governanceRole?: 'SteeringGroup' | 'Sponsor' | 'ProjectLeader' | 'Pmo';
  /** A person of the demo tenant (seed's PEOPLE key). */
  contact?: 'astrid' | 'mikkel';
  profiles?: string[];
}

const PORTFOLIO_PROFILES = ['tactical', 'portfolio', 'enterprise'];

export const FRONT_DOOR_TEXT: ByLang<DemoFrontDoorText[]> = {
  'en-US': [
    { section: 'Purpose', title: 'The PMO helps our projects succeed', body: 'We coordinate the portfolio, keep an eye on progress and support project leaders with methods, templates and experienced colleagues. Start with a quick link, or read on to see who decides what.' },
    { section: 'Service', serviceArea: 'Coordinate', title: 'Portfolio overview', body: 'One view of all projects, their status and budgets, for management and steering groups.', profiles: PORTFOLIO_PROFILES },
    { section: 'Service', serviceArea: 'Coordinate', title: 'The meeting cycle', body: 'Quarterly challenge meetings, experience meetings and the annual method revision.' },
    { section: 'Service', serviceArea: 'Control', title: 'Status reporting', body: 'A short monthly status report per project, followed up by the PMO.' },
    { section: 'Service', serviceArea: 'Control', title: 'Stage gates', body: 'A checklist at each phase change so the steering group decides on facts.' },
    { section: 'Service', serviceArea: 'Support', title: 'Templates and methods', body: 'Approved templates for every phase, in four languages, revised every year.' },
    { section: 'Service', serviceArea: 'Support', title: 'Sparring with experts', body: 'An hour with a senior project leader on whatever you are stuck on.' },
    { section: 'Role', governanceRole: 'SteeringGroup', title: 'Steering group', body: 'Decides on start, phase changes, changes to scope, time and budget, and closing.' },
    { section: 'Role', governanceRole: 'Sponsor', title: 'Sponsor', body: 'Owns the business case and the benefits; chairs the steering group.' },
    { section: 'Role', governanceRole: 'ProjectLeader', title: 'Project leader', body: 'Plans and leads the work within the mandate; reports status every month.' },
    { section: 'Role', governanceRole: 'Pmo', title: 'PMO', body: 'Keeps the method, the portfolio overview and the meeting cycle; advises, never decides for the project.' },
    { section: 'Team', contact: 'astrid', title: 'Head of PMO', body: 'Portfolio, steering and the PMO\'s priorities.' },
    { section: 'Team', contact: 'mikkel', title: 'PMO consultant', body: 'Templates, reporting and the meeting cycle.' }
  ],
  'sv-SE': [
    { section: 'Purpose', title: 'PMO hjälper våra projekt att lyckas', body: 'Vi samordnar portföljen, följer upp framdriften och stöttar projektledare med metoder, mallar och erfarna kollegor. Börja med en snabblänk eller läs vidare om vem som beslutar vad.' },
    { section: 'Service', serviceArea: 'Coordinate', title: 'Portföljöversikt', body: 'En samlad bild av alla projekt, deras status och budgetar, för ledning och styrgrupper.', profiles: PORTFOLIO_PROFILES },
    { section: 'Service', serviceArea: 'Coordinate', title: 'Mötescykeln', body: 'Kvartalsvisa utmaningsmöten, erfarenhetsmöten och den årliga metodrevisionen.' },
    { section: 'Service', serviceArea: 'Control', title: 'Statusrapportering', body: 'En kort statusrapport per projekt och månad, som PMO följer upp.' },
    { section: 'Service', serviceArea: 'Control', title: 'Beslutspunkter', body: 'En checklista vid varje fasövergång så att styrgruppen beslutar på fakta.' },
    { section: 'Service', serviceArea: 'Support', title: 'Mallar och metoder', body: 'Godkända mallar för varje fas, på fyra språk, reviderade varje år.' },
    { section: 'Service', serviceArea: 'Support', title: 'Sparring med experter', body: 'En timme med en erfaren projektledare om det du har kört fast i.' },
    { section: 'Role', governanceRole: 'SteeringGroup', title: 'Styrgrupp', body: 'Beslutar om start, fasövergångar, ändringar av omfattning, tid och budget samt avslut.' },
    { section: 'Role', governanceRole: 'Sponsor', title: 'Beställare', body: 'Äger affärsnyttan och nyttohemtagningen; leder styrgruppen.' },
    { section: 'Role', governanceRole: 'ProjectLeader', title: 'Projektledare', body: 'Planerar och leder arbetet inom mandatet; rapporterar status varje månad.' },
    { section: 'Role', governanceRole: 'Pmo', title: 'PMO', body: 'Förvaltar metoden, portföljöversikten och mötescykeln; ger råd men beslutar aldrig åt projektet.' },
    { section: 'Team', contact: 'astrid', title: 'PMO-chef', body: 'Portfölj, styrning och PMO:s prioriteringar.' },
    { section: 'Team', contact: 'mikkel', title: 'PMO-konsult', body: 'Mallar, rapportering och mötescykeln.' }
  ],
  'da-DK': [
    { section: 'Purpose', title: 'PMO\'et hjælper vores projekter med at lykkes', body: 'Vi koordinerer porteføljen, følger fremdriften og støtter projektledere med metoder, skabeloner og erfarne kolleger. Start med en genvej, eller læs videre om, hvem der beslutter hvad.' },
    { section: 'Service', serviceArea: 'Coordinate', title: 'Porteføljeoverblik', body: 'Ét overblik over alle projekter, deres status og budgetter, til ledelse og styregrupper.', profiles: PORTFOLIO_PROFILES },
    { section: 'Service', serviceArea: 'Coordinate', title: 'Mødecyklussen', body: 'Kvartalsvise udfordringsmøder, erfaringsmøder og den årlige metoderevision.' },
    { section: 'Service', serviceArea: 'Control', title: 'Statusrapportering', body: 'En kort månedlig statusrapport pr. projekt, som PMO\'et følger op på.' },
    { section: 'Service', serviceArea: 'Control', title: 'Beslutningspunkter', body: 'En tjekliste ved hvert faseskift, så styregruppen beslutter på et oplyst grundlag.' },
    { section: 'Service', serviceArea: 'Support', title: 'Skabeloner og metoder', body: 'Godkendte skabeloner til hver fase, på fire sprog, revideret hvert år.' },
    { section: 'Service', serviceArea: 'Support', title: 'Sparring med eksperter', body: 'En time med en erfaren projektleder om det, du sidder fast i.' },
    { section: 'Role', governanceRole: 'SteeringGroup', title: 'Styregruppe', body: 'Beslutter opstart, faseskift, ændringer i omfang, tid og budget samt afslutning.' },
    { section: 'Role', governanceRole: 'Sponsor', title: 'Sponsor', body: 'Ejer business casen og gevinsterne; er formand for styregruppen.' },
    { section: 'Role', governanceRole: 'ProjectLeader', title: 'Projektleder', body: 'Planlægger og leder arbejdet inden for mandatet; rapporterer status hver måned.' },
    { section: 'Role', governanceRole: 'Pmo', title: 'PMO', body: 'Vedligeholder metoden, porteføljeoverblikket og mødecyklussen; rådgiver, men beslutter aldrig for projektet.' },
    { section: 'Team', contact: 'astrid', title: 'PMO-chef', body: 'Portefølje, styring og PMO\'ets prioriteringer.' },
    { section: 'Team', contact: 'mikkel', title: 'PMO-konsulent', body: 'Skabeloner, rapportering og mødecyklussen.' }
  ],
  'nl-NL': [
    { section: 'Purpose', title: 'Het PMO helpt onze projecten slagen', body: 'Wij coördineren de portfolio, bewaken de voortgang en ondersteunen projectleiders met methoden, sjablonen en ervaren collega\'s. Begin met een snelkoppeling, of lees verder wie wat beslist.' },
    { section: 'Service', serviceArea: 'Coordinate', title: 'Portfolio-overzicht', body: 'Eén overzicht van alle projecten, hun status en budgetten, voor directie en stuurgroepen.', profiles: PORTFOLIO_PROFILES },
    { section: 'Service', serviceArea: 'Coordinate', title: 'De vergadercyclus', body: 'Kwartaaloverleg over uitdagingen, ervaringsbijeenkomsten en de jaarlijkse methoderevisie.' },
    { section: 'Service', serviceArea: 'Control', title: 'Statusrapportage', body: 'Een korte maandelijkse statusrapportage per project, opgevolgd door het PMO.' },
    { section: 'Service', serviceArea: 'Control', title: 'Beslismomenten', body: 'Een checklist bij elke faseovergang, zodat de stuurgroep op feiten beslist.' },
    { section: 'Service', serviceArea: 'Support', title: 'Sjablonen en methoden', body: 'Goedgekeurde sjablonen voor elke fase, in vier talen, jaarlijks herzien.' },
    { section: 'Service', serviceArea: 'Support', title: 'Sparren met experts', body: 'Een uur met een ervaren projectleider over waar u op vastloopt.' },
    { section: 'Role', governanceRole: 'SteeringGroup', title: 'Stuurgroep', body: 'Beslist over start, faseovergangen, wijzigingen in scope, tijd en budget, en afsluiting.' },
    { section: 'Role', governanceRole: 'Sponsor', title: 'Opdrachtgever', body: 'Is eigenaar van de business case en de baten; zit de stuurgroep voor.' },
    { section: 'Role', governanceRole: 'ProjectLeader', title: 'Projectleider', body: 'Plant en leidt het werk binnen het mandaat; rapporteert elke maand de status.' },
    { section: 'Role', governanceRole: 'Pmo', title: 'PMO', body: 'Beheert de methode, het portfolio-overzicht en de vergadercyclus; adviseert, maar beslist nooit voor het project.' },
    { section: 'Team', contact: 'astrid', title: 'Hoofd PMO', body: 'Portfolio, sturing en de prioriteiten van het PMO.' },
    { section: 'Team', contact: 'mikkel', title: 'PMO-consultant', body: 'Sjablonen, rapportage en de vergadercyclus.' }
  ]
};

/** A news post of the demo: published that many days before the seed's day (oldest written first). */
export interface DemoNews { title: string; description: string; text: string; daysAgo: number }

export const NEWS_TEXT: ByLang<DemoNews[]> = {
  'en-US': [
    { daysAgo: 21, title: 'New steering group template', description: 'A shorter template that puts decisions first.', text: 'The revised steering group template asks for the decisions needed before any status. Download it from the templates library.' },
    { daysAgo: 9, title: 'Register for the next challenge meeting', description: 'Bring one challenge from your project; we solve it together.', text: 'The quarterly challenge meeting is open to every project leader. Register in the community calendar.' },
    { daysAgo: 2, title: 'Status reports now due on the 5th', description: 'One date for all projects makes the portfolio view current.', text: 'From this month, status reports are due on the 5th of each month. The register marks late reports.' }
  ],
  'sv-SE': [
    { daysAgo: 20, title: 'Ny mall för styrgruppsmöten', description: 'En kortare mall som sätter besluten först.', text: 'Den reviderade mallen för styrgruppsmöten frågar efter de beslut som behövs före all status. Hämta den i mallbiblioteket.' },
    { daysAgo: 8, title: 'Anmäl dig till nästa utmaningsmöte', description: 'Ta med en utmaning från ditt projekt så löser vi den tillsammans.', text: 'Det kvartalsvisa utmaningsmötet är öppet för alla projektledare. Anmäl dig i communityns kalender.' },
    { daysAgo: 1, title: 'Statusrapporter ska nu lämnas den 5:e', description: 'Ett gemensamt datum gör portföljbilden aktuell.', text: 'Från och med denna månad ska statusrapporter lämnas senast den 5:e varje månad. Registret markerar sena rapporter.' }
  ],
  'da-DK': [
    { daysAgo: 19, title: 'Ny skabelon til styregruppemøder', description: 'En kortere skabelon, der sætter beslutningerne først.', text: 'Den reviderede skabelon til styregruppemøder beder om de nødvendige beslutninger før al status. Hent den i skabelonbiblioteket.' },
    { daysAgo: 7, title: 'Tilmeld dig næste udfordringsmøde', description: 'Tag en udfordring med fra dit projekt, så løser vi den sammen.', text: 'Det kvartalsvise udfordringsmøde er åbent for alle projektledere. Tilmeld dig i fællesskabets kalender.' },
    { daysAgo: 1, title: 'Statusrapporter skal nu afleveres den 5.', description: 'Én fælles dato gør porteføljeoverblikket aktuelt.', text: 'Fra denne måned skal statusrapporter afleveres senest den 5. i hver måned. Registret markerer for sene rapporter.' }
  ],
  'nl-NL': [
    { daysAgo: 18, title: 'Nieuw sjabloon voor de stuurgroep', description: 'Een korter sjabloon dat besluiten voorop zet.', text: 'Het herziene stuurgroepsjabloon vraagt eerst naar de benodigde besluiten en dan pas naar de status. Download het uit de sjablonenbibliotheek.' },
    { daysAgo: 6, title: 'Meld u aan voor het volgende kwartaaloverleg', description: 'Neem één uitdaging uit uw project mee; we lossen hem samen op.', text: 'Het kwartaaloverleg over uitdagingen staat open voor alle projectleiders. Meld u aan via de communityagenda.' },
    { daysAgo: 0, title: 'Statusrapportages nu uiterlijk de 5e', description: 'Eén datum voor alle projecten houdt het portfolio-overzicht actueel.', text: 'Vanaf deze maand zijn statusrapportages uiterlijk de 5e van elke maand verschuldigd. Het register markeert te late rapportages.' }
  ]
};
