<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccessPanel</name>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Text size {size}</source>
        <translation>Taille du texte {size}</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Less motion</source>
        <translation>Moins d&apos;animations</translation>
    </message>
    <message>
        <source>Controls lower</source>
        <translation>Commandes en bas</translation>
    </message>
    <message>
        <source>Black text on white, darker colours</source>
        <translation>Texte noir sur blanc, couleurs plus foncées</translation>
    </message>
    <message>
        <source>No moving animations</source>
        <translation>Aucune animation en mouvement</translation>
    </message>
    <message>
        <source>Every control within reach of a seated visitor</source>
        <translation>Toutes les commandes à portée d&apos;une personne assise</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>{setting}: {state}</source>
        <translation>{setting}&#x202f;: {state}</translation>
    </message>
    <message>
        <source>Read this aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Close the display settings</source>
        <translation>Fermer les réglages d&apos;affichage</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Self-test passed</source>
        <extracomment>Shown when there are no lines. The last line when not all fit (not ``tail``). What staff should know about this machine (hidden when all is well): one line each, across the panel, cut to its width (the log has them whole).</extracomment>
        <translation>Autotest réussi</translation>
    </message>
    <message>
        <source>Self-test FAILED</source>
        <translation>Autotest ÉCHOUÉ</translation>
    </message>
    <message>
        <source>Exhibit administration</source>
        <translation>Administration de l&apos;exposition</translation>
    </message>
    <message>
        <source>Idle time on the map and chart screens</source>
        <translation>Délai d&apos;inactivité (carte et graphiques)</translation>
    </message>
    <message>
        <source>Idle time on the reading screens</source>
        <translation>Délai d&apos;inactivité (écrans de lecture)</translation>
    </message>
    <message>
        <source>Language after each visit</source>
        <translation>Langue après chaque visite</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>Lancer l&apos;autotest</translation>
    </message>
    <message>
        <source>Reload the content</source>
        <translation>Recharger le contenu</translation>
    </message>
    <message>
        <source>Exit the exhibit</source>
        <translation>Quitter l&apos;exposition</translation>
    </message>
    <message>
        <source>Back to the exhibit</source>
        <translation>Retour à l&apos;exposition</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Plus court</translation>
    </message>
    <message>
        <source>Longer</source>
        <translation>Plus long</translation>
    </message>
    <message>
        <source>Software {app} · content {content} · running for {uptime} · memory {memory} MB</source>
        <translation>Logiciel {app} · contenu {content} · en marche depuis {uptime} · mémoire {memory}&#xa0;Mo</translation>
    </message>
    <message>
        <source>Needs attention: {n} (the log has the details)</source>
        <translation>À vérifier : {n} (le journal donne les détails)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… et {n} de plus</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n}&#xa0;s</translation>
    </message>
    <message>
        <source>(the log is empty)</source>
        <translation>(le journal est vide)</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <source>Touch the screen to explore</source>
        <translation>Touchez l&apos;écran pour explorer</translation>
    </message>
    <message>
        <source>Mali since 2012 and the UN mission MINUSMA</source>
        <translation>Le Mali depuis 2012 et la mission de l&apos;ONU, la MINUSMA</translation>
    </message>
</context>
<context>
    <name>CardBack</name>
    <message>
        <source>WHERE SOURCES DIFFER</source>
        <translation>LÀ OÙ LES SOURCES DIVERGENT</translation>
    </message>
    <message>
        <source>THE FIGURES</source>
        <translation>LES CHIFFRES</translation>
    </message>
    <message>
        <source>SOURCES</source>
        <translation>SOURCES</translation>
    </message>
    <message>
        <source>Close  ✕</source>
        <translation>Fermer  ✕</translation>
    </message>
    <message>
        <source>Close the details</source>
        <translation>Fermer les détails</translation>
    </message>
</context>
<context>
    <name>CardFront</name>
    <message>
        <source>Details and sources  ›</source>
        <extracomment>The words&apos; share of a card front&apos;s width in landscape (the figure has the rest).</extracomment>
        <translation>Détails et sources  ›</translation>
    </message>
    <message>
        <source>Open details and sources</source>
        <translation>Ouvrir les détails et les sources</translation>
    </message>
</context>
<context>
    <name>CardsScreen</name>
    <message>
        <source>Card {n} of {total}</source>
        <translation>Carte {n} sur {total}</translation>
    </message>
    <message>
        <source>Swipe sideways for another card; tap to open its details and sources.</source>
        <translation>Faites glisser sur le côté pour une autre carte&#x202f;; touchez pour ouvrir ses détails et ses sources.</translation>
    </message>
    <message>
        <source>WHY THE MISSION MATTERED: REASONS GIVEN FOR SUPPORTING IT</source>
        <translation>POURQUOI LA MISSION COMPTAIT&#x202f;: LES RAISONS AVANCÉES POUR LA SOUTENIR</translation>
    </message>
    <message>
        <source>Swipe the card, or tap the arrows or a number</source>
        <translation>Faites glisser la carte, ou touchez les flèches ou un numéro</translation>
    </message>
    <message>
        <source>Previous card</source>
        <translation>Carte précédente</translation>
    </message>
    <message>
        <source>Next card</source>
        <translation>Carte suivante</translation>
    </message>
    <message>
        <source>Card {n}: {headline}</source>
        <translation>Carte {n}&#x202f;: {headline}</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Politics</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Peacekeeping</source>
        <translation>Maintien de la paix</translation>
    </message>
    <message>
        <source>Elections</source>
        <translation>Élections</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Humanitarian</source>
        <translation>Humanitaire</translation>
    </message>
</context>
<context>
    <name>ChartCallout</name>
    <message>
        <source>Read more</source>
        <extracomment>Tries to give the callout more width (beside the plot); True if it did (a resize then fits the callout again). None: the width is what it is. The height the callout may take when the screen sets it (under the plot); None: its own height (beside the plot).</extracomment>
        <translation>Lire la suite</translation>
    </message>
</context>
<context>
    <name>ChartPlot</name>
    <message>
        <source>no verified figure</source>
        <translation>aucun chiffre vérifié</translation>
    </message>
</context>
<context>
    <name>ChartsScreen</name>
    <message>
        <source>Fiscal year {year} ({period})</source>
        <translation>Exercice {year} ({period})</translation>
    </message>
    <message>
        <source>Tap the arrows or a bar to choose a year</source>
        <extracomment>Shares of the chart area the callout may take beside the plot, narrowest first: the narrowest in which every callout of the chart fits whole is used.</extracomment>
        <translation>Touchez les flèches ou une barre pour choisir une année</translation>
    </message>
    <message>
        <source>Year {year}</source>
        <translation>Année {year}</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>Graphique&#x202f;: {title}</translation>
    </message>
    <message>
        <source>Tap a bar or a point: its value and source appear beside the chart.</source>
        <translation>Touchez une barre ou un point&#x202f;: sa valeur et sa source s&apos;affichent à côté du graphique.</translation>
    </message>
    <message>
        <source>About this chart</source>
        <translation>À propos de ce graphique</translation>
    </message>
    <message>
        <source>Tap a bar or a point</source>
        <translation>Touchez une barre ou un point</translation>
    </message>
    <message>
        <source>Every value shows where it comes from.</source>
        <translation>Chaque valeur indique d&apos;où elle vient.</translation>
    </message>
    <message>
        <source>{key}: no verified figure</source>
        <translation>{key}&#x202f;: aucun chiffre vérifié</translation>
    </message>
    <message>
        <source>No source we could check gives this value, so none is drawn.</source>
        <translation>Aucune source vérifiable ne donne cette valeur&#x202f;; rien n&apos;est donc tracé.</translation>
    </message>
    <message>
        <source>Back to the chart</source>
        <translation>Retour au graphique</translation>
    </message>
</context>
<context>
    <name>ContentBanner</name>
    <message>
        <source>Your change was not applied: {count} problems, the first: {first}. The last good version stays on screen.</source>
        <translation>Votre modification n&apos;a pas été appliquée&#x202f;: {count} problèmes, dont le premier&#x202f;: {first}. La dernière version valide reste affichée.</translation>
    </message>
    <message>
        <source>The content in {folder} was rejected ({count} problems; see the log or run &apos;minusma-kiosk check&apos;). Showing the bundled content.</source>
        <translation>Le contenu de {folder} a été refusé ({count} problèmes&#x202f;; voir le journal ou lancer «&#xa0;minusma-kiosk check&#xa0;»). Le contenu d&apos;origine est affiché.</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>TIMELINE</source>
        <extracomment>Region names in the current language (English name → shown name). Shown when the room given (:meth:`fit_to`) cannot hold the whole story.</extracomment>
        <translation>CHRONOLOGIE</translation>
    </message>
    <message>
        <source>Touch a marker or drag the time strip</source>
        <translation>Touchez un repère ou faites glisser la frise</translation>
    </message>
    <message>
        <source>Each shape on the time strip is an event, and shows its kind. A numbered bubble holds events close together: tap it to choose one. Tap a region of the map to see only its events.</source>
        <translation>Chaque forme de la frise est un événement et en indique le type. Une bulle numérotée réunit des événements proches&#x202f;: touchez-la pour en choisir un. Touchez une région de la carte pour ne voir que ses événements.</translation>
    </message>
    <message>
        <source>Mali (national)</source>
        <translation>Mali (national)</translation>
    </message>
    <message>
        <source>{place}, {region} region</source>
        <translation>{place}, région de {region}</translation>
    </message>
    <message>
        <source>(no verified coordinates: shown by its region)</source>
        <translation>(coordonnées non vérifiées&#x202f;: montré par sa région)</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source&#x202f;: {source}</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>Lire la suite</translation>
    </message>
</context>
<context>
    <name>FigureView</name>
    <message>
        <source>Computed for this exhibit: {formula}</source>
        <translation>Calculé pour l&apos;exposition&#x202f;: {formula}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source&#x202f;: {source}</translation>
    </message>
    <message>
        <source>As of {date}.</source>
        <translation>Situation au {date}.</translation>
    </message>
    <message>
        <source>As of {date}.</source>
        <comment>a month, year or period</comment>
        <translation>Situation en {date}.</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Show {kind} events</source>
        <translation>Afficher les événements&#x202f;: {kind}</translation>
    </message>
</context>
<context>
    <name>HeldNote</name>
    <message>
        <source>{name}: held by armed groups</source>
        <translation>{name}&#x202f;: tenue par des groupes armés</translation>
    </message>
    <message>
        <source>{name} region: held by armed groups</source>
        <translation>Région de {name}&#x202f;: tenue par des groupes armés</translation>
    </message>
    <message>
        <source>{who}, since {start}.</source>
        <translation>{who}, depuis le {start}.</translation>
    </message>
    <message>
        <source>{who}, from {start} to {end}.</source>
        <translation>{who}, du {start} au {end}.</translation>
    </message>
    <message>
        <source>Shown from the fall of its main town to the army&apos;s return.</source>
        <translation>Montrée de la chute de sa ville principale au retour de l&apos;armée.</translation>
    </message>
    <message>
        <source>Sources differ: {text}</source>
        <translation>Les sources divergent&#x202f;: {text}</translation>
    </message>
    <message>
        <source>Sources: {list}.</source>
        <translation>Sources&#x202f;: {list}.</translation>
    </message>
    <message>
        <source>Source: {list}.</source>
        <translation>Source&#x202f;: {list}.</translation>
    </message>
    <message>
        <source>Read more and sources</source>
        <translation>Lire la suite et les sources</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Mali since 2012 on the map, event by event</source>
        <translation>Le Mali depuis 2012 sur la carte, événement par événement</translation>
    </message>
    <message>
        <source>Who paid for peacekeeping, and what MINUSMA cost</source>
        <translation>Qui finançait le maintien de la paix, et ce qu&apos;a coûté la MINUSMA</translation>
    </message>
    <message>
        <source>Reasons given for supporting the mission, each with its figures and sources</source>
        <translation>Les raisons avancées pour soutenir la mission, chacune avec ses chiffres et ses sources</translation>
    </message>
    <message>
        <source>Every document this exhibit cites, and credits</source>
        <translation>Tous les documents cités par l&apos;exposition, et les crédits</translation>
    </message>
    <message>
        <source>UN PEACEKEEPING IN MALI</source>
        <translation>LE MAINTIEN DE LA PAIX DE L&apos;ONU AU MALI</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Retour à l&apos;accueil</translation>
    </message>
    <message>
        <source>Sources for this text</source>
        <translation>Sources de ce texte</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>The exhibit starts again in {n} s.</source>
        <translation>L&apos;exposition recommence dans {n}&#xa0;s.</translation>
    </message>
    <message>
        <source>Still there?</source>
        <translation>Vous êtes toujours là&#x202f;?</translation>
    </message>
    <message>
        <source>Touch anywhere to keep exploring.</source>
        <translation>Touchez l&apos;écran pour continuer la visite.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>current screen</source>
        <extracomment>The language button names the language it switches to, in that language.</extracomment>
        <translation>écran affiché</translation>
    </message>
    <message>
        <source>Change language to {name}</source>
        <translation>Changer de langue&#x202f;: {name}</translation>
    </message>
    <message>
        <source>Display settings</source>
        <translation>Réglages d&apos;affichage</translation>
    </message>
    <message>
        <source>Text size, high contrast, less motion, controls lower</source>
        <translation>Taille du texte, contraste élevé, moins d&apos;animations, commandes en bas</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Why it mattered</source>
        <translation>Les enjeux</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>NotesWindow</name>
    <message>
        <source>(no notes for this step)</source>
        <translation>(pas de notes pour cette étape)</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Suivant&#x202f;: {title}</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Dernière étape</translation>
    </message>
</context>
<context>
    <name>PagedTiles</name>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Wrong PIN. Too many tries: wait {n} s.</source>
        <translation>Code erroné. Trop d&apos;essais&#x202f;: patientez {n}&#xa0;s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code erroné.</translation>
    </message>
    <message>
        <source>Staff only: enter the admin PIN</source>
        <translation>Réservé au personnel&#x202f;: code d&apos;administration</translation>
    </message>
    <message>
        <source>Back to the exhibit</source>
        <translation>Retour à l&apos;exposition</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>No admin PIN is set on this machine. Set one with: minusma-kiosk set-pin</source>
        <translation>Aucun code d&apos;administration n&apos;est défini sur cette machine. Pour en définir un&#x202f;: minusma-kiosk set-pin</translation>
    </message>
</context>
<context>
    <name>ReachHeader</name>
    <message>
        <source>Every control is lower down, within reach. Tap “Aa” to change it.</source>
        <translation>Toutes les commandes sont plus bas, à portée de main. Touchez «&#x202f;Aa&#x202f;» pour changer.</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>Previous page</source>
        <extracomment>Keep with the next block on the same page (a source&apos;s title and its address).</extracomment>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <source>Sources &amp; credits</source>
        <translation>Sources et crédits</translation>
    </message>
    <message>
        <source>Every figure in this exhibit comes from one of these documents. Figures marked &apos;computed for this exhibit&apos; are calculated from sourced figures, and show their formula. Where sources disagree, the exhibit says so.</source>
        <translation>Chaque chiffre de l&apos;exposition vient de l&apos;un de ces documents. Les chiffres «&#xa0;calculés pour l&apos;exposition&#xa0;» sont tirés de chiffres sourcés et montrent leur formule. Quand les sources divergent, l&apos;exposition le dit.</translation>
    </message>
    <message>
        <source>SOURCES ({count})</source>
        <translation>SOURCES ({count})</translation>
    </message>
    <message>
        <source>CREDITS</source>
        <translation>CRÉDITS</translation>
    </message>
    <message>
        <source>Content version {content} · software version {app}</source>
        <translation>Version du contenu {content} · version du logiciel {app}</translation>
    </message>
</context>
<context>
    <name>StaffAccess</name>
    <message>
        <source>Self-test running…</source>
        <translation>Autotest en cours…</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <source>Back to the timeline</source>
        <extracomment>Shares of the width the story column may take in landscape, narrowest first: the narrowest in which the longest stories fit whole is used, and the map takes the rest. Most of the map column the controls beside the strip may take (landscape). How many of the longest stories (by title, text and source) the layout is fitted to. The town or region held by armed groups the visitor last tapped, while the date shown is in its period (the filter note tells who held it). Who held it: across the bottom of the map while shown, in place of the legend and the filter note (the held places are in the north); the period&apos;s note above gives way when both do not fit.</extracomment>
        <translation>Retour à la chronologie</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source&#x202f;: {source}</translation>
    </message>
    <message>
        <source>{n} events, {first} to {last}</source>
        <translation>{n} événements, du {first} au {last}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Showing the {n} events of the {region} region</source>
        <translation>Les {n} événements de la région de {region}</translation>
    </message>
    <message>
        <source>Showing {n} events of the chosen kinds</source>
        <translation>{n} événements des types choisis</translation>
    </message>
    <message>
        <source>{n} events. Tap a region of the map to see only its events.</source>
        <translation>{n} événements. Touchez une région de la carte pour ne voir que ses événements.</translation>
    </message>
    <message>
        <source>Map of Mali</source>
        <translation>Carte du Mali</translation>
    </message>
    <message>
        <source>Regions, the Niger, towns and UN camps at the date shown. Tap a region to see only its events, or a town to open its event nearest the date shown.</source>
        <translation>Régions, fleuve Niger, villes et camps de l&apos;ONU à la date affichée. Touchez une région pour ne voir que ses événements, ou une ville pour ouvrir son événement le plus proche de cette date.</translation>
    </message>
    <message>
        <source>Time strip, 2012 to 2024</source>
        <translation>Frise chronologique, de 2012 à 2024</translation>
    </message>
    <message>
        <source>Drag it to move through time; tap a mark to open that event.</source>
        <translation>Faites-la glisser pour avancer dans le temps&#x202f;; touchez une marque pour ouvrir l&apos;événement.</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Événement précédent</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Événement suivant</translation>
    </message>
    <message>
        <source>Black ring: town with events (larger: more). Blue square: UN camp (hollow: opening date not verified). Red hatching: held by armed groups; tap it. No hatching does not prove state control.</source>
        <translation>Cercle noir&#x202f;: ville avec des événements (plus grand&#x202f;: plus nombreux). Carré bleu&#x202f;: camp de l&apos;ONU (vide&#x202f;: ouverture non vérifiée). Hachures rouges&#x202f;: tenu par des groupes armés&#x202f;; touchez-les. Sans hachures, rien ne prouve que l&apos;État tenait la zone.</translation>
    </message>
</context>
<context>
    <name>YearControl</name>
    <message>
        <source>Previous year</source>
        <translation>Année précédente</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>Année suivante</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play the years</source>
        <translation>Faire défiler les années</translation>
    </message>
</context>
</TS>
