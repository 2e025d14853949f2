/**
 * Swedish prose for summaries and descriptions. Placeholders: {topic} (the
 * matter title in lower case), {forv} a förvaltning, {body} the deciding body
 * in lower case, {bodyG} its genitive, {y}/{py}/{y1}/{y3} years, {district},
 * {amount}, {pct}, {date} a written date, {ref} a look-alike reference that is
 * not a diarienummer.
 */

export const SUMMARY = [
  "{forv} har tagit fram ett underlag avseende {topic}.",
  "Ärendet gäller {topic} och har beretts av {forv} i samråd med berörda verksamheter.",
  "Det övergripande målet är att {municipality} ska vara en trygg och säker kommun för alla som bor, verkar och vistas i kommunen.",
  "Uppföljningen visar att arbetet i huvudsak ligger i fas och att de mål som är uppsatta bedöms kunna uppnås under perioden.",
  "Förvaltningen bedömer att förslaget ryms inom befintlig budgetram för {y1}.",
  "Kostnaden beräknas till {amount} kronor, vilket finansieras inom nämndens investeringsram.",
  "Antalet barn i förskoleåldern väntas öka med omkring {pct} procent fram till {y3}, främst i {district}.",
  "Under {py} har andelen anmälningar om klotterrelaterad skadegörelse minskat jämfört med föregående år.",
  "Nämndens resultat per den sista augusti visar ett överskott om {amount} kronor.",
  "Prognosen för helåret pekar mot en negativ avvikelse på {pct} procent, framför allt inom förskoleverksamheten.",
  "Förslaget har tagits fram mot bakgrund av ändringar i lagstiftningen, se {ref}.",
  "Samråd har genomförts med fastighetsägare, föreningar och boende i {district}.",
  "Verksamheterna har under året arbetat med att utveckla rutinerna för det systematiska arbetsmiljöarbetet.",
  "Beslutet bedöms inte medföra några konsekvenser för barn, jämställdhet eller miljö utöver det som beskrivs i ärendet.",
  "Uppgifter som omfattas av sekretess enligt {osl} har utelämnats ur underlaget.",
  "Skolinspektionen riktade i sitt beslut ({si}) kritik mot huvudmannens uppföljning av elevernas kunskapsutveckling.",
  "Kommunfullmäktige gav den {date}, § {kfpar}, kommunstyrelsen i uppdrag att utreda frågan.",
  "Avtalsparten, {company} med organisationsnummer {orgnr}, har lämnat ett reviderat anbud.",
  "Programmet gäller för perioden {py}–{y3} och följs upp årligen i samband med årsredovisningen.",
  "Handläggningen har skett skyndsamt och förvaltningen har haft kontakt med länsstyrelsen under arbetet.",
  "Ärendet har behandlats i samverkan enligt förvaltningens samverkansavtal och i den centrala samverkansgruppen.",
  "Målen i programmet bryts ned till delmål för vart och ett av de fem ansvarsområden som programmet är indelat i.",
  "Den samlade bedömningen är att nämndens verksamheter håller god kvalitet men att resurserna behöver fördelas om.",
  "Förvaltningen föreslår att nämnden ställer sig bakom de åtgärder som redovisas i bilagan till tjänsteutlåtandet.",
] as const;

export const DESCRIPTION = [
  "Bakgrunden till ärendet är det uppdrag som gavs i samband med beslutet om mål och budget för {y}.",
  "I ärendet redovisas de synpunkter som inkommit under remisstiden samt förvaltningens kommentarer till dessa.",
  "Förvaltningen har i sin utredning jämfört kostnaderna med fem andra kommuner av motsvarande storlek.",
  "Arbetet har bedrivits i projektform med representanter för samtliga berörda förvaltningar.",
  "Läsåret {py}/{y} genomfördes en enkät bland vårdnadshavare där {pct} procent svarade att de är nöjda med verksamheten.",
  "Under perioden har sammanlagt {count} ärenden handlagts, varav {count2} avslutats inom föreskriven tid.",
  "Förslaget innebär att nuvarande riktlinjer upphävs och ersätts av de reviderade riktlinjerna från den 1 januari {y1}.",
  "Detaljplanen möjliggör cirka {count} nya bostäder samt en förskola med plats för sex avdelningar.",
  "Enligt {law} ska nämnden fastställa en plan för sin tillsyn varje år.",
  "Den tidigare behandlingen framgår av {prev}.",
  "Ekonomiska konsekvenser: förslaget medför ökade driftkostnader om {amount} kronor per år från och med {y1}.",
] as const;

export const REFS = [
  "SOU 2025:8",
  "Ds 2020:16",
  "Prop. 2019/20:1",
  "prop. 2017/18:194",
  "SFS 2009:400",
  "lagen (2010:800)",
  "förordningen (2001:453)",
  "AFS 2001:1",
] as const;
export const OSL = [
  "21 kap. 7 § offentlighets- och sekretesslagen",
  "26 kap. 1 § OSL",
  "23 kap. 2 § offentlighets- och sekretesslagen (2009:400)",
] as const;
export const LAWS = [
  "miljöbalken",
  "skollagen (2010:800)",
  "socialtjänstlagen (2001:453)",
  "livsmedelslagen",
  "plan- och bygglagen",
] as const;
export const COMPANIES = [
  "Nordlig Bygg & Mark AB",
  "Skogsvägens Entreprenad AB",
  "Vinterväg Service i Mellansverige AB",
  "Ekocentrum Konsult AB",
] as const;
export const ORGNR = ["556877-6495", "556123-4567", "559012-3344", "212000-1462"] as const;
export const SI_NUMBERS = ["SI 2019:6590", "SI 2021:1187", "SI 2023:4402"] as const;

export const LOOKALIKE_TITLES = [
  "En trygg och säker skola (SOU 2025:8)",
  "Stärkt kommunal beredskap (Ds 2020:16)",
  "Budgetpropositionen för 2020 (Prop. 2019/20:1)",
  "En ny plan- och bygglag (SOU 2018:35)",
] as const;

export const EXPEDITION = [
  "Kommunfullmäktige",
  "Kommunstyrelsen",
  "Förvaltningschefen",
  "Ekonomienheten",
  "Säkerhetsenheten",
  "Rektorer",
  "Förskolechefer",
  "Samhällsbyggnadsförvaltningen",
  "Akten",
  "Revisorerna",
  "Länsstyrelsen",
] as const;

export const NOTE_TEXTS = [
  "Vi välkomnar uppföljningen men vill understryka att det förebyggande arbetet i {district} behöver prioriteras under kommande år.",
  "Vi anser att förvaltningen borde ha redovisat konsekvenserna för barn och unga tydligare i underlaget.",
  "Det är viktigt att nämnden får en återrapportering av åtgärderna senast i samband med delårsrapporten.",
  "Vi noterar att kostnaderna har ökat kraftigt och förutsätter att nämnden hålls informerad om den fortsatta utvecklingen.",
  "Vi ställer oss bakom beslutet men saknar en analys av hur åtgärderna påverkar jämställdheten.",
] as const;

/** Särskilda yttranden: a view put on record by someone who neither reserves nor notes. */
export const SPECIAL_TEXTS = [
  "Vi deltar inte i beslutet men vill framhålla att frågan om finansiering måste lösas innan arbetet påbörjas.",
  "Jag vill med detta yttrande understryka vikten av att de boende får information i god tid.",
  "Vi delar förvaltningens bedömning i sak men anser att tidplanen är för snäv.",
  "Det är angeläget att uppföljningen även omfattar verksamheter i privat regi.",
] as const;

export const RESERVATION_TEXTS = [
  "Vi reserverar oss mot beslutet eftersom förslaget saknar finansiering och riskerar att tränga undan annan verksamhet.",
  "Förslaget tar inte hänsyn till de boendes synpunkter under samrådet. Vi yrkade därför avslag.",
  "Vi anser att ärendet borde ha återremitterats för att utreda alternativa placeringar i {district}.",
] as const;

export const INFO_ITEMS = [
  "Information om lokalfrågor",
  "Aktuellt från avdelningarna",
  "Information om sjukfrånvaron under {py}",
  "Redovisning av resultat från medarbetarenkäten",
  "Information om arbetet med trygghetsvandringar i {district}",
] as const;
