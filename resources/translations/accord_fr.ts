<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlignView</name>
    <message>
        <location filename="../../desktop/align_view.py" line="48"/>
        <source>figures</source>
        <translation>chiffres</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="49"/>
        <source>symbols</source>
        <translation>cotes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="50"/>
        <source>years</source>
        <translation>années</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="51"/>
        <source>footnotes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="52"/>
        <source>numbering</source>
        <translation>numérotation</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="53"/>
        <source>unmatched</source>
        <translation>sans correspondance</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="193"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="196"/>
        <source>Previous flag</source>
        <translation>Signalement précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="197"/>
        <source>Next flag</source>
        <translation>Signalement suivant</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="200"/>
        <source>Merge with next</source>
        <translation>Fusionner avec la suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="201"/>
        <source>Split</source>
        <translation>Scinder</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="202"/>
        <source>Link rows</source>
        <translation>Lier les lignes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="203"/>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="205"/>
        <source>Re-align around my fixes</source>
        <translation>Réaligner autour de mes corrections</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="209"/>
        <source>Paragraphs</source>
        <translation>Paragraphes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="210"/>
        <source>Sentences</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="211"/>
        <source>Align paragraph by paragraph, or sentence by sentence within them</source>
        <translation>Aligner paragraphe par paragraphe, ou phrase par phrase à l’intérieur de ceux-ci</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="301"/>
        <source>%1 pairs · %2 flagged · %3 fixed by hand</source>
        <translation>%1 paires · %2 signalées · %3 corrigées à la main</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="333"/>
        <source>No flags: the checks found nothing to look at.</source>
        <translation>Aucun signalement : les contrôles n’ont rien relevé.</translation>
    </message>
</context>
<context>
    <name>AlignmentModel</name>
    <message>
        <location filename="../../desktop/align_view.py" line="123"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="124"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="125"/>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="125"/>
        <location filename="../../desktop/align_view.py" line="188"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="143"/>
        <source>Fixed by hand (kept when re-aligning and exporting)</source>
        <translation>Corrigée à la main (conservée au réalignement et à l’export)</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <location filename="../../desktop/change_list.py" line="39"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="40"/>
        <source>renumbered</source>
        <translation>renuméroté</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="41"/>
        <source>modified</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="42"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="43"/>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="44"/>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="51"/>
        <location filename="../../desktop/change_list.py" line="300"/>
        <source>strengthened</source>
        <translation>renforcé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="53"/>
        <location filename="../../desktop/change_list.py" line="300"/>
        <source>weakened</source>
        <translation>affaibli</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="184"/>
        <source>All changes</source>
        <translation>Toutes les modifications</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="185"/>
        <source>Commitments only</source>
        <translation>Engagements seulement</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="186"/>
        <location filename="../../desktop/change_list.py" line="293"/>
        <source>Added</source>
        <translation>Ajoutés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="187"/>
        <location filename="../../desktop/change_list.py" line="294"/>
        <source>Removed</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="188"/>
        <location filename="../../desktop/change_list.py" line="296"/>
        <source>Moved</source>
        <translation>Déplacés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="189"/>
        <location filename="../../desktop/change_list.py" line="295"/>
        <source>Modified</source>
        <translation>Modifiés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="207"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/change_list.py" line="246"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="297"/>
        <source>Renumbered</source>
        <translation>Renumérotés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="301"/>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <location filename="../../desktop/change_list.py" line="111"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="111"/>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="111"/>
        <source>Old ¶</source>
        <translation>Ancien §</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="111"/>
        <source>New ¶</source>
        <translation>Nouveau §</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="112"/>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
</context>
<context>
    <name>ComparePanes</name>
    <message>
        <location filename="../../desktop/compare_view.py" line="164"/>
        <source>Old version</source>
        <translation>Ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="165"/>
        <source>New version</source>
        <translation>Nouvelle version</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../desktop/compare_view.py" line="80"/>
        <source>Drop a file here, or use File ▸ Open.</source>
        <translation>Déposez un fichier ici, ou utilisez Fichier ▸ Ouvrir.</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="97"/>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="39"/>
        <source>Documents (*.pdf *.docx *.txt);;All files (*)</source>
        <translation>Documents (*.pdf *.docx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="41"/>
        <source>Redlined Word document (*.docx)</source>
        <translation>Document Word avec marques de révision (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="42"/>
        <source>HTML report (*.html)</source>
        <translation>Rapport HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="43"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="44"/>
        <source>Translation memory TMX (*.tmx)</source>
        <translation>Mémoire de traduction TMX (*.tmx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="45"/>
        <source>Tab-separated text (*.tsv)</source>
        <translation>Texte séparé par des tabulations (*.tsv)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="83"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120"/>
        <location filename="../../desktop/main_window.py" line="247"/>
        <source>Open &amp;old…</source>
        <translation>Ouvrir l’&amp;ancienne…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122"/>
        <source>Choose the old version (or the source language)</source>
        <translation>Choisir l’ancienne version (ou la langue source)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123"/>
        <location filename="../../desktop/main_window.py" line="248"/>
        <source>Open &amp;new…</source>
        <translation>Ouvrir la &amp;nouvelle…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="124"/>
        <source>Choose the new version (or the target language)</source>
        <translation>Choisir la nouvelle version (ou la langue cible)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="125"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="126"/>
        <source>Read both files again</source>
        <translation>Relire les deux fichiers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="127"/>
        <source>&amp;Swap sides</source>
        <translation>&amp;Intervertir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128"/>
        <source>Exchange the old and new files</source>
        <translation>Échanger l’ancien et le nouveau fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="132"/>
        <source>Redlined &amp;Word document (.docx)…</source>
        <translation>Document &amp;Word avec marques de révision (.docx)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="132"/>
        <source>&amp;HTML report…</source>
        <translation>Rapport &amp;HTML…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="133"/>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="133"/>
        <source>&amp;TMX translation memory…</source>
        <translation>Mémoire de traduction &amp;TMX…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="134"/>
        <source>T&amp;SV (tab-separated)…</source>
        <translation>T&amp;SV (séparé par des tabulations)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="136"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="137"/>
        <source>Export the result</source>
        <translation>Exporter le résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="139"/>
        <location filename="../../desktop/main_window.py" line="245"/>
        <source>&amp;Next change</source>
        <translation>Modification &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="140"/>
        <source>Go to the next change</source>
        <translation>Aller à la modification suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="141"/>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>&amp;Previous change</source>
        <translation>Modification &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="142"/>
        <source>Go to the previous change</source>
        <translation>Aller à la modification précédente</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="143"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="144"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Réduire</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="145"/>
        <source>&amp;Actual size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="147"/>
        <source>&amp;Compare versions</source>
        <translation>&amp;Comparer les versions</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149"/>
        <source>&amp;Align languages</source>
        <translation>Aligner les &amp;langues</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="154"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="155"/>
        <source>Find ne&amp;xt</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="156"/>
        <source>Find pre&amp;vious</source>
        <translation>Occurrence &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157"/>
        <location filename="../../desktop/main_window.py" line="228"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>Recent as o&amp;ld</source>
        <translation>Récents comme a&amp;ncienne</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="165"/>
        <source>Recent as ne&amp;w</source>
        <translation>Récents comme no&amp;uvelle</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="171"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="175"/>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="185"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="194"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="195"/>
        <source>&amp;About Accord</source>
        <translation>À &amp;propos d’Accord</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="198"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212"/>
        <source>Find in both versions (Ctrl+F)</source>
        <translation>Rechercher dans les deux versions (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="245"/>
        <source>&amp;Next flag</source>
        <translation>Signalement &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>&amp;Previous flag</source>
        <translation>Signalement &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247"/>
        <source>Open &amp;source…</source>
        <translation>Ouvrir la &amp;source…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="248"/>
        <source>Open &amp;target…</source>
        <translation>Ouvrir la &amp;cible…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="262"/>
        <source>Working…</source>
        <translation>Traitement…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="265"/>
        <source>Reading both files</source>
        <translation>Lecture des deux fichiers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="266"/>
        <source>Reading the old version</source>
        <translation>Lecture de l’ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="266"/>
        <source>Reading the new version</source>
        <translation>Lecture de la nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="267"/>
        <source>Reading the source</source>
        <translation>Lecture de la source</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="267"/>
        <source>Reading the target</source>
        <translation>Lecture de la cible</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="268"/>
        <source>Preparing the texts</source>
        <translation>Préparation des textes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="268"/>
        <location filename="../../desktop/main_window.py" line="269"/>
        <source>Matching paragraphs</source>
        <translation>Appariement des paragraphes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="269"/>
        <source>Comparing words</source>
        <translation>Comparaison des mots</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="270"/>
        <source>Aligning sentences</source>
        <translation>Alignement des phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="270"/>
        <source>Re-aligning</source>
        <translation>Réalignement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="272"/>
        <source>Aligning</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="292"/>
        <source>Could not read a file: see the message in its pane.</source>
        <translation>Un fichier n’a pas pu être lu : voir le message dans son volet.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="320"/>
        <source>%1 pairs aligned, %2 with a translation flag</source>
        <translation>%1 paires alignées, dont %2 avec un signalement de traduction</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="324"/>
        <source>Open the old version</source>
        <translation>Ouvrir l’ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="324"/>
        <source>Open the new version</source>
        <translation>Ouvrir la nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="331"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="359"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="362"/>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="397"/>
        <source>“%1” is in neither version.</source>
        <translation>« %1 » ne figure dans aucune des deux versions.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="407"/>
        <source>About Accord</source>
        <translation>À propos d’Accord</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="408"/>
        <source>&lt;h3&gt;Accord&lt;/h3&gt;&lt;p&gt;Compares UN documents across versions and languages, fully offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Accord&lt;/h3&gt;&lt;p&gt;Compare les documents de l’ONU d’une version à l’autre et d’une langue à l’autre, entièrement hors ligne.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="424"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/message_bar.py" line="31"/>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
</context>
<context>
    <name>OverviewBar</name>
    <message>
        <location filename="../../desktop/overview_bar.py" line="43"/>
        <source>Where the changes are: click to jump</source>
        <translation>Emplacement des modifications : cliquez pour y aller</translation>
    </message>
</context>
<context>
    <name>PaneText</name>
    <message>
        <location filename="../../desktop/compare_html.py" line="71"/>
        <source>− removed from the old version</source>
        <translation>− supprimé de l’ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="94"/>
        <source>↕ moved here in the new version from</source>
        <translation>↕ déplacé ici dans la nouvelle version depuis</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="96"/>
        <source>+ added in the new version</source>
        <translation>+ ajouté dans la nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="191"/>
        <source>was</source>
        <translation>anc.</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="206"/>
        <source>moved to</source>
        <translation>déplacé vers</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="208"/>
        <source>moved from</source>
        <translation>déplacé depuis</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="214"/>
        <source>stronger</source>
        <translation>renforcé</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="216"/>
        <source>weaker</source>
        <translation>affaibli</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="225"/>
        <source>Commitment strengthened</source>
        <translation>Engagement renforcé</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="227"/>
        <source>Commitment weakened</source>
        <translation>Engagement affaibli</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../desktop/session.py" line="41"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="110"/>
        <source>Choose both files (File ▸ Open, or drop them on the panes).</source>
        <translation>Choisissez les deux fichiers (Fichier ▸ Ouvrir, ou déposez-les sur les volets).</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="123"/>
        <source>Fix a row first (merge, split, link or unlink): re-aligning keeps those fixes and redoes the rest.</source>
        <translation>Corrigez d’abord une ligne (fusionner, scinder, lier ou délier) : le réalignement garde ces corrections et refait le reste.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="152"/>
        <source>The work stopped: %1</source>
        <translation>Le traitement s’est arrêté : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="164"/>
        <source>Discard your fixes?</source>
        <translation>Abandonner vos corrections ?</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="165"/>
        <source>You fixed the alignment by hand and have not exported it since. Discard the fixes?</source>
        <translation>Vous avez corrigé l’alignement à la main sans l’exporter depuis. Abandonner ces corrections ?</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="179"/>
        <source>Nothing aligned yet.</source>
        <translation>Rien n’est encore aligné.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="184"/>
        <source>Nothing compared yet.</source>
        <translation>Rien n’est encore comparé.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="206"/>
        <source>Export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="210"/>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="222"/>
        <source>The language will change the next time Accord starts.</source>
        <translation>La langue changera au prochain démarrage d’Accord.</translation>
    </message>
</context>
</TS>
