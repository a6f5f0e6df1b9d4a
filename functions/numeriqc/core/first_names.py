"""Common first names in Québec and the rest of Canada, for the name finder of `core.redaction`.

Source and limits: curated by hand from the most frequent given names of the last eighty years as
published in Retraite Québec's "Banque de prénoms" (births registered in Québec) and Statistics
Canada's popular baby names, from memory, without the counts; with the common English Canadian
and immigrant-community names a comment is likely to hold. It is not exhaustive and is not an
official extract: it only decides whether a capitalized word after a weak cue ("merci à ...",
"thanks to ...") or before a surname is a first name, so a name missing here is still found after
a title, a label, a relation or in a signature. Words that are also place names or ordinary
words in either language (Victoria, Paris, France, Jordan, Line, Florence, Rose, Grace, Hope,
Will, Mark, May, June) are left out on purpose. Kept as a Python module rather than a data file
so that it ships in every code asset as is and costs one frozenset at import.
"""

import unicodedata


def folded(word: str) -> str:
    """A word compared without case or accents: "Léa", "LEA" and "lea" are the same name."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_NAMES = """
aaron abdel abdoulaye adam adele adrien agathe ahmed aicha alain alex alexandra alexandre alexis
alice aline alicia alix amelie amir amira anais anastasia andree andre andrea andrew ange angele
angelique ann anna annabelle anne annette annie anthony antoine antoinette arianne ariane arnaud
arthur aryan audrey aurelie axel aya bastien beatrice benjamin benoit bernadette bernard bianca
brandon brigitte bruno camille carl carmen carole caroline catherine cecile celine chantal charles
charlie charlotte chloe christian christiane christine christopher claude claudette claudia claudine
clement clemence colette coralie corinne cynthia daniel danielle danny david denis denise diane
dominic dominique donald dylan edith edouard eleonore eliott elisabeth elizabeth ella eloise emile
emilie emily emma emmanuel emmanuelle eric erika ethan etienne eugene eva evelyne fabienne fatima
fatou felix fernand florent francine francis francois francoise frederic frederique gabriel
gabrielle gaetan gaston genevieve gerard germain gilbert gilles ginette gisele guillaume guy helene
henri hubert hugo hugues ibrahim isaac isabelle jacob jacqueline jacques james jean jeanne jeannine
jennifer jeremie jerome jessica jimmy joanie joannie jocelyn jocelyne joel johanne john johnny
jonathan joseph josee josiane joshua julia julie julien juliette justin karine kathleen kathy
katia kevin kim laura laurence laurent laurie lea leo leon leonie liam lili liliane linda lisa lise
logan louis louise luc luca lucas lucie lucien lucille ludovic lyne lynda madeleine maelle maeva
malik manon marc marcel marcelle marco margaret margot maria marianne marie marielle marine mario
marion marius marjorie martin martine matheo mathias mathieu mathilde matthew maude maurice maxime
melanie melissa mia michael michel micheline michelle mikael mireille mohamed mohammed monique
muriel myriam nadia nadine nancy nathalie nathan nicolas nicole noah noe noemie normand oceane
olivia olivier omar pascal pascale patrick patricia paul paule pauline philippe pierre pierrette
rachel raphael raphaelle raymond raymonde real rebecca rejean remi renee rene richard robert roger
roland romain rosalie roxanne ryan sabrina salma samantha samuel sandra sandrine sara sarah
sebastien serge simon simone solange sophie stephane stephanie steve suzanne sylvain sylvie therese
thomas tristan valerie veronique victor vincent virginie wendy william xavier yannick yasmine
yolande youssef yves yvette yvon zachary zoe barbara betty brian carol cheryl chris cindy deborah
donna dorothy douglas gary george heather helen jason jeff jeffrey jenny karen kelly kenneth
kimberly larry lauren mary megan peter ronald sharon shirley steven susan tammy teresa timothy tyler
wayne chen hui mei wei ming priya raj anil sunita mamadou moussa ousmane aminata kwame chinedu mehdi
karim nour rania samir sami yacine leila layla hassan hussein ali olga irina natalia ivan dmitri
carlos jose juan luis diego miguel sofia valentina camila gabriela ana lucia
"""
# Written folded, as compared (lower case, no accents: "lea" is Léa); folding at import would cost
# milliseconds of every cold start. tests/unit/feedback/test_redaction.py checks they stay folded.
FIRST_NAMES: frozenset[str] = frozenset(_NAMES.split())
