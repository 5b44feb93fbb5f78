<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlignView</name>
    <message>
        <location filename="../../desktop/align_view.py" line="51"/>
        <source>figures</source>
        <translation>chiffres</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="52"/>
        <source>symbols</source>
        <translation>cotes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="53"/>
        <source>years</source>
        <translation>années</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="54"/>
        <source>footnotes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="55"/>
        <source>numbering</source>
        <translation>numérotation</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="56"/>
        <source>unmatched</source>
        <translation>sans correspondance</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="227"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="230"/>
        <source>Previous flag</source>
        <translation>Signalement précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="231"/>
        <source>Next flag</source>
        <translation>Signalement suivant</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="234"/>
        <source>Merge with next</source>
        <translation>Fusionner avec la suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="235"/>
        <source>Split</source>
        <translation>Scinder</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="236"/>
        <source>Link rows</source>
        <translation>Lier les lignes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="237"/>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="239"/>
        <source>Re-align around my fixes</source>
        <translation>Réaligner autour de mes corrections</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="243"/>
        <source>Paragraphs</source>
        <translation>Paragraphes</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="244"/>
        <source>Sentences</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="245"/>
        <source>Align paragraph by paragraph, or sentence by sentence within them</source>
        <translation>Aligner paragraphe par paragraphe, ou phrase par phrase à l’intérieur de ceux-ci</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="338"/>
        <source>%1 pairs · %2 flagged · %3 fixed by hand</source>
        <translation>%1 paires · %2 signalées · %3 corrigées à la main</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="370"/>
        <source>No flags: the checks found nothing to look at.</source>
        <translation>Aucun signalement : les contrôles n’ont rien relevé.</translation>
    </message>
</context>
<context>
    <name>AlignmentModel</name>
    <message>
        <location filename="../../desktop/align_view.py" line="135"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="136"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="137"/>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="137"/>
        <location filename="../../desktop/align_view.py" line="222"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../desktop/align_view.py" line="156"/>
        <source>Fixed by hand (kept when re-aligning and exporting)</source>
        <translation>Corrigée à la main (conservée au réalignement et à l’export)</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <location filename="../../desktop/change_list.py" line="46"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="47"/>
        <source>renumbered</source>
        <translation>renuméroté</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="48"/>
        <source>modified</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="49"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="50"/>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="51"/>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="58"/>
        <location filename="../../desktop/change_list.py" line="365"/>
        <source>strengthened</source>
        <translation>renforcé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="60"/>
        <location filename="../../desktop/change_list.py" line="365"/>
        <source>weakened</source>
        <translation>affaibli</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="101"/>
        <source>commitment added</source>
        <translation>engagement ajouté</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="102"/>
        <location filename="../../desktop/change_list.py" line="291"/>
        <source>commitment removed</source>
        <translation>engagement supprimé</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="246"/>
        <source>All changes</source>
        <translation>Toutes les modifications</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="247"/>
        <source>Commitments only</source>
        <translation>Engagements seulement</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="248"/>
        <location filename="../../desktop/change_list.py" line="358"/>
        <source>Added</source>
        <translation>Ajoutés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="249"/>
        <location filename="../../desktop/change_list.py" line="359"/>
        <source>Removed</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="250"/>
        <location filename="../../desktop/change_list.py" line="361"/>
        <source>Moved</source>
        <translation>Déplacés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="251"/>
        <location filename="../../desktop/change_list.py" line="360"/>
        <source>Modified</source>
        <translation>Modifiés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="269"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/change_list.py" line="308"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="362"/>
        <source>Renumbered</source>
        <translation>Renumérotés</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="366"/>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <location filename="../../desktop/change_list.py" line="163"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="163"/>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="163"/>
        <source>Old</source>
        <translation>Ancienne</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="163"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location filename="../../desktop/change_list.py" line="164"/>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
</context>
<context>
    <name>Cite</name>
    <message>
        <location filename="../../desktop/cite.py" line="46"/>
        <source>para. %1</source>
        <translation>par. %1</translation>
    </message>
    <message>
        <location filename="../../desktop/cite.py" line="48"/>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <location filename="../../desktop/cite.py" line="49"/>
        <source>heading</source>
        <translation>intertitre</translation>
    </message>
    <message>
        <location filename="../../desktop/cite.py" line="50"/>
        <source>table</source>
        <translation>tableau</translation>
    </message>
    <message>
        <location filename="../../desktop/cite.py" line="51"/>
        <source>footnote</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../desktop/cite.py" line="53"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../../desktop/cite.py" line="55"/>
        <source>%1, p. %2</source>
        <translation>%1, p. %2</translation>
    </message>
</context>
<context>
    <name>ComparePanes</name>
    <message>
        <location filename="../../desktop/compare_view.py" line="171"/>
        <source>Old version</source>
        <translation>Ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="172"/>
        <source>New version</source>
        <translation>Nouvelle version</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../desktop/compare_view.py" line="87"/>
        <source>Drop a file here, or use File ▸ Open.</source>
        <translation>Déposez un fichier ici, ou utilisez Fichier ▸ Ouvrir.</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="104"/>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../desktop/history_view.py" line="62"/>
        <source>Accord — history of versions</source>
        <translation>Accord — historique des versions</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="66"/>
        <source>Could not compare: </source>
        <translation>Comparaison impossible : </translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="69"/>
        <source>Add &amp;versions…</source>
        <translation>Ajouter des &amp;versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="71"/>
        <source>&amp;Clear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="73"/>
        <source>Show &amp;history</source>
        <translation>Afficher l’&amp;historique</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="75"/>
        <source>Only paragraphs that changed</source>
        <translation>Seulement les paragraphes modifiés</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="78"/>
        <source>Only cited paragraphs (PP, OP)</source>
        <translation>Seulement les paragraphes cités (PP, OP)</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="84"/>
        <source>Oldest first; drag to reorder</source>
        <translation>La plus ancienne d’abord ; faites glisser pour réordonner</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="109"/>
        <source>Versions, oldest first</source>
        <translation>Versions, la plus ancienne d’abord</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="115"/>
        <source>Add two or more versions, oldest first.</source>
        <translation>Ajoutez au moins deux versions, la plus ancienne d’abord.</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="117"/>
        <source>Comparing the versions…</source>
        <translation>Comparaison des versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="126"/>
        <source>by text alone: </source>
        <translation>par le texte seul : </translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/i18n.py" line="41"/>
        <source>en</source>
        <comment>the language code of this translation: fr, es…</comment>
        <translation>fr</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="46"/>
        <source>Documents (*.pdf *.docx *.docm *.dotx *.dotm *.txt);;All files (*)</source>
        <translation>Documents (*.pdf *.docx *.docm *.dotx *.dotm *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="48"/>
        <source>Redlined Word document (*.docx)</source>
        <translation>Document Word avec marques de révision (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="49"/>
        <source>HTML report (*.html)</source>
        <translation>Rapport HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="50"/>
        <source>PDF report (*.pdf)</source>
        <translation>Rapport PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="51"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="52"/>
        <source>Translation memory TMX (*.tmx)</source>
        <translation>Mémoire de traduction TMX (*.tmx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="53"/>
        <source>Tab-separated text (*.tsv)</source>
        <translation>Texte séparé par des tabulations (*.tsv)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="54"/>
        <source>Bilingual table Word document (*.docx)</source>
        <translation>Tableau bilingue, document Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="59"/>
        <source>Ignore &amp;case</source>
        <translation>Ignorer la &amp;casse</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="60"/>
        <source>Ignore &amp;punctuation</source>
        <translation>Ignorer la &amp;ponctuation</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="61"/>
        <source>Ignore &amp;footnotes</source>
        <translation>Ignorer les &amp;notes de bas de page</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="62"/>
        <source>Ignore paragraph &amp;numbering</source>
        <translation>Ignorer la numéro&amp;tation des paragraphes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="63"/>
        <source>Count a changed paragraph n&amp;umber as a change</source>
        <translation>Compter un changement de n&amp;uméro de paragraphe comme une différence</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="64"/>
        <source>Count changed footnote &amp;marks</source>
        <translation>Compter les &amp;appels de note modifiés</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="65"/>
        <source>Count &amp;spacing and quote style</source>
        <translation>Compter les &amp;espaces et le style des guillemets</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="117"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="154"/>
        <location filename="../../desktop/main_window.py" line="315"/>
        <source>Open &amp;old…</source>
        <translation>Ouvrir l’&amp;ancienne…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="156"/>
        <source>Choose the old version (or the source language)</source>
        <translation>Choisir l’ancienne version (ou la langue source)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157"/>
        <location filename="../../desktop/main_window.py" line="316"/>
        <source>Open &amp;new…</source>
        <translation>Ouvrir la &amp;nouvelle…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158"/>
        <source>Choose the new version (or the target language)</source>
        <translation>Choisir la nouvelle version (ou la langue cible)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="159"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160"/>
        <source>Read both files again</source>
        <translation>Relire les deux fichiers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="161"/>
        <source>&amp;Swap sides</source>
        <translation>&amp;Intervertir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162"/>
        <source>Exchange the old and new files</source>
        <translation>Échanger l’ancien et le nouveau fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>Redlined &amp;Word document (.docx)…</source>
        <translation>Document &amp;Word avec marques de révision (.docx)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167"/>
        <source>&amp;HTML report…</source>
        <translation>Rapport &amp;HTML…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167"/>
        <source>&amp;PDF report…</source>
        <translation>Rapport &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="168"/>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="168"/>
        <source>&amp;TMX translation memory…</source>
        <translation>Mémoire de traduction &amp;TMX…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>T&amp;SV (tab-separated)…</source>
        <translation>T&amp;SV (séparé par des tabulations)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="170"/>
        <source>&amp;Bilingual table (Word)…</source>
        <translation>Tableau &amp;bilingue (Word)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="172"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173"/>
        <source>Export the result</source>
        <translation>Exporter le résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174"/>
        <source>&amp;Print report…</source>
        <translation>Im&amp;primer le rapport…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="176"/>
        <location filename="../../desktop/main_window.py" line="467"/>
        <source>Print the comparison report</source>
        <translation>Imprimer le rapport de comparaison</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="177"/>
        <source>Print pre&amp;view…</source>
        <translation>Aperçu a&amp;vant impression…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="178"/>
        <source>See the report&apos;s pages before printing</source>
        <translation>Voir les pages du rapport avant de l’imprimer</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="179"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <location filename="../../desktop/main_window.py" line="313"/>
        <source>&amp;Next change</source>
        <translation>Modification &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="181"/>
        <source>Go to the next change</source>
        <translation>Aller à la modification suivante</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <location filename="../../desktop/main_window.py" line="314"/>
        <source>&amp;Previous change</source>
        <translation>Modification &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="183"/>
        <source>Go to the previous change</source>
        <translation>Aller à la modification précédente</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="184"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="185"/>
        <source>Zoom &amp;out</source>
        <translation>Ré&amp;duire</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186"/>
        <source>Actual si&amp;ze</source>
        <translation>Ta&amp;ille réelle</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source>&amp;Compare versions</source>
        <translation>&amp;Comparer les versions</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="190"/>
        <source>&amp;Align languages</source>
        <translation>Aligner les &amp;langues</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="195"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="196"/>
        <source>Find ne&amp;xt</source>
        <translation>Occurrence sui&amp;vante</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="197"/>
        <source>Find pre&amp;vious</source>
        <translation>&amp;Occurrence précédente</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="208"/>
        <source>Redline &amp;author…</source>
        <translation>&amp;Auteur des révisions…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="209"/>
        <source>The name the redline&apos;s tracked changes carry</source>
        <translation>Le nom que portent les modifications suivies du document révisé</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="210"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212"/>
        <source>Every key the window answers to</source>
        <translation>Toutes les touches auxquelles la fenêtre répond</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213"/>
        <location filename="../../desktop/main_window.py" line="294"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="218"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="220"/>
        <source>Recent as o&amp;ld</source>
        <translation>Récents comme an&amp;cienne</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="221"/>
        <source>Recent as ne&amp;w</source>
        <translation>Récents comme no&amp;uvelle</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="227"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="232"/>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="245"/>
        <source>&amp;Options</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="249"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="253"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="259"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="261"/>
        <source>&amp;About Accord</source>
        <translation>À &amp;propos d’Accord</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="264"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="278"/>
        <source>Find in both versions (Ctrl+F)</source>
        <translation>Rechercher dans les deux versions (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="313"/>
        <source>&amp;Next flag</source>
        <translation>Signalement &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="314"/>
        <source>&amp;Previous flag</source>
        <translation>Signalement &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315"/>
        <source>Open &amp;source…</source>
        <translation>Ouvrir la &amp;source…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="316"/>
        <source>Open &amp;target…</source>
        <translation>Ouvrir la &amp;cible…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="330"/>
        <source>Working…</source>
        <translation>Traitement…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="334"/>
        <source>Reading both files</source>
        <translation>Lecture des deux fichiers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="335"/>
        <source>Reading the old version</source>
        <translation>Lecture de l’ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="335"/>
        <source>Reading the new version</source>
        <translation>Lecture de la nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="336"/>
        <source>Reading the source</source>
        <translation>Lecture de la source</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="336"/>
        <source>Reading the target</source>
        <translation>Lecture de la cible</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="337"/>
        <source>Preparing the texts</source>
        <translation>Préparation des textes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="337"/>
        <location filename="../../desktop/main_window.py" line="338"/>
        <source>Matching paragraphs</source>
        <translation>Appariement des paragraphes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="338"/>
        <source>Comparing words</source>
        <translation>Comparaison des mots</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="341"/>
        <source>Aligning sentences</source>
        <translation>Alignement des phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="341"/>
        <source>Re-aligning</source>
        <translation>Réalignement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="401"/>
        <source>The comparison options do not apply across languages (%1).</source>
        <translation>Les options de comparaison ne s’appliquent pas d’une langue à l’autre (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="403"/>
        <source>The two documents are in different languages (%1 and %2): their paragraphs were paired across the languages and compared for commitments, hedges, modals, figures and deadlines, not word for word. View ▸ Align languages (Ctrl+2) pairs them as translations.</source>
        <translation>Les deux documents sont dans des langues différentes (%1 et %2) : leurs paragraphes ont été appariés d’une langue à l’autre et comparés pour les engagements, les atténuations, les modaux, les chiffres et les échéances, et non mot à mot. Affichage ▸ Aligner les langues (Ctrl+2) les apparie comme des traductions.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="419"/>
        <source>A Word redline needs two versions in one language</source>
        <translation>Un document Word avec marques de révision demande deux versions dans une même langue</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="333"/>
        <source>Aligning</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="342"/>
        <source>Pairing across the languages</source>
        <translation>Appariement d’une langue à l’autre</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="363"/>
        <source>Could not read a file: see the message in its pane.</source>
        <translation>Un fichier n’a pas pu être lu : voir le message dans son volet.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="424"/>
        <source>Options: %1</source>
        <translation>Options : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="431"/>
        <source>%1 pairs aligned, %2 with a translation flag</source>
        <translation>%1 paires alignées, dont %2 avec un signalement de traduction</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="435"/>
        <source>Open the old version</source>
        <translation>Ouvrir l’ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="435"/>
        <source>Open the new version</source>
        <translation>Ouvrir la nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="444"/>
        <source>The password does not open %1. Type it again:</source>
        <translation>Le mot de passe n’ouvre pas %1. Tapez-le de nouveau :</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="446"/>
        <source>%1 is an encrypted PDF. Type its password:</source>
        <translation>%1 est un PDF chiffré. Tapez son mot de passe :</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="447"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="453"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="482"/>
        <source>Printed %n page(s).</source>
        <translation>
            <numerusform>%n page imprimée.</numerusform>
            <numerusform>%n pages imprimées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="489"/>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="518"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="521"/>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="558"/>
        <source>Redline author</source>
        <translation>Auteur des révisions</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="559"/>
        <source>Name shown on the tracked changes of exported redlines:</source>
        <translation>Nom affiché sur les modifications suivies des documents révisés exportés :</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="567"/>
        <source>Redlines will carry the author “%1”.</source>
        <translation>Les documents révisés porteront l’auteur « %1 ».</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="580"/>
        <source>“%1” is in neither version.</source>
        <translation>« %1 » ne figure dans aucune des deux versions.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="592"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="607"/>
        <source>Align mode (the table has the focus)</source>
        <translation>Mode alignement (le tableau a le focus)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="608"/>
        <source>Anywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="609"/>
        <source>Stop the work in progress</source>
        <translation>Arrêter le travail en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="610"/>
        <source>Export the result (redline in compare mode, TMX in align mode)</source>
        <translation>Exporter le résultat (document révisé en mode comparaison, TMX en mode alignement)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="622"/>
        <source>With the mouse: click a paragraph to select its change; click a mark in the overview bar to go there; point at a ▲/▼ badge for the reasons; drop a file on a pane to open it.</source>
        <translation>À la souris : cliquez sur un paragraphe pour sélectionner sa modification ; cliquez sur une marque de la barre d’ensemble pour vous y rendre ; pointez un badge ▲/▼ pour en voir les raisons ; déposez un fichier sur un volet pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="633"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="650"/>
        <source>About Accord</source>
        <translation>À propos d’Accord</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="651"/>
        <source>&lt;h3&gt;Accord&lt;/h3&gt;&lt;p&gt;Compares UN documents across versions and languages, fully offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Accord&lt;/h3&gt;&lt;p&gt;Compare les documents de l’ONU d’une version à l’autre et d’une langue à l’autre, entièrement hors ligne.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="667"/>
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
        <location filename="../../desktop/compare_html.py" line="75"/>
        <source>− removed from the old version</source>
        <translation>− supprimé de l’ancienne version</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="98"/>
        <source>↕ moved here in the new version from</source>
        <translation>↕ déplacé ici dans la nouvelle version depuis</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="100"/>
        <source>+ added in the new version</source>
        <translation>+ ajouté dans la nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="204"/>
        <source>was</source>
        <translation>anc.</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="224"/>
        <source>moved to</source>
        <translation>déplacé vers</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="226"/>
        <source>moved from</source>
        <translation>déplacé depuis</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="232"/>
        <source>stronger</source>
        <translation>renforcé</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="234"/>
        <source>weaker</source>
        <translation>affaibli</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="243"/>
        <source>Commitment strengthened</source>
        <translation>Engagement renforcé</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_html.py" line="245"/>
        <source>Commitment weakened</source>
        <translation>Engagement affaibli</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../desktop/session.py" line="64"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="137"/>
        <source>Choose both files (File ▸ Open, or drop them on the panes).</source>
        <translation>Choisissez les deux fichiers (Fichier ▸ Ouvrir, ou déposez-les sur les volets).</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="158"/>
        <source>Fix a row first (merge, split, link or unlink): re-aligning keeps those fixes and redoes the rest.</source>
        <translation>Corrigez d’abord une ligne (fusionner, scinder, lier ou délier) : le réalignement garde ces corrections et refait le reste.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="193"/>
        <source>The work stopped: %1</source>
        <translation>Le traitement s’est arrêté : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="217"/>
        <source>%1: the PDF is encrypted; reload (F5) to type its password</source>
        <translation>%1 : le PDF est chiffré ; rechargez (F5) pour taper son mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="229"/>
        <source>Discard your fixes?</source>
        <translation>Abandonner vos corrections ?</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="230"/>
        <source>You fixed the alignment by hand and have not exported it since. Discard the fixes?</source>
        <translation>Vous avez corrigé l’alignement à la main sans l’exporter depuis. Abandonner ces corrections ?</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="245"/>
        <source>Nothing aligned yet.</source>
        <translation>Rien n’est encore aligné.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="252"/>
        <location filename="../../desktop/session.py" line="300"/>
        <source>Nothing compared yet.</source>
        <translation>Rien n’est encore comparé.</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="260"/>
        <source>a Word redline needs two versions in one language, and these are in %1 and %2: export the HTML or PDF report, which shows both texts side by side with the differences named</source>
        <translation>un document Word avec marques de révision demande deux versions dans une même langue, et celles-ci sont en %1 et en %2 : exportez le rapport HTML ou PDF, qui montre les deux textes côte à côte avec les différences nommées</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="290"/>
        <source>Export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="294"/>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <location filename="../../desktop/session.py" line="322"/>
        <source>The language will change the next time Accord starts.</source>
        <translation>La langue changera au prochain démarrage d’Accord.</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <location filename="../../desktop/trace_view.py" line="57"/>
        <source>Accord — trace agreed language</source>
        <translation>Accord — origine du texte convenu</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="63"/>
        <source>Could not trace: </source>
        <translation>Recherche d’origine impossible : </translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="67"/>
        <source>No draft chosen</source>
        <translation>Aucun projet choisi</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="68"/>
        <source>&amp;Draft…</source>
        <translation>&amp;Projet…</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="70"/>
        <source>Add &amp;base files…</source>
        <translation>Ajouter des fichiers de &amp;référence…</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="72"/>
        <source>Add base &amp;folder…</source>
        <translation>Ajouter un &amp;dossier de référence…</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="74"/>
        <source>&amp;Clear bases</source>
        <translation>&amp;Effacer les références</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="76"/>
        <source>&amp;Trace</source>
        <translation>Chercher l’&amp;origine</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="84"/>
        <source>Label</source>
        <translation>Cote</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="84"/>
        <source>Comes from</source>
        <translation>Provient de</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="84"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="122"/>
        <source>Draft to trace</source>
        <translation>Projet dont chercher l’origine</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="127"/>
        <source>Base documents</source>
        <translation>Documents de référence</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="131"/>
        <source>Folder of base documents</source>
        <translation>Dossier de documents de référence</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="139"/>
        <source>Choose a draft and at least one base file or folder.</source>
        <translation>Choisissez un projet et au moins un fichier ou dossier de référence.</translation>
    </message>
    <message>
        <location filename="../../desktop/trace_view.py" line="141"/>
        <location filename="../../desktop/trace_view.py" line="145"/>
        <source>Tracing…</source>
        <translation>Recherche de l’origine…</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/history_view.py" line="191"/>
        <source>&amp;Trace agreed language…</source>
        <translation>Origine du &amp;texte convenu…</translation>
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="194"/>
        <source>&amp;History of versions…</source>
        <translation>&amp;Historique des versions…</translation>
    </message>
</context>
</TS>
