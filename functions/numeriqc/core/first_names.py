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
Aaron Abdel Abdoulaye Adam Adèle Adrien Agathe Ahmed Aicha Alain Alex Alexandra Alexandre Alexis Alice
Aline Alicia Alix Amélie Amir Amira Anaïs Anastasia Andrée André Andréa Andrew Ange Angèle Angélique
Ann Anna Annabelle Anne Annette Annie Anthony Antoine Antoinette Arianne Ariane Arnaud Arthur Aryan
Audrey Aurélie Axel Aya Bastien Béatrice Benjamin Benoît Bernadette Bernard Bianca Brandon Brigitte
Bruno Camille Carl Carmen Carole Caroline Catherine Cécile Céline Chantal Charles Charlie Charlotte
Chloé Christian Christiane Christine Christopher Claude Claudette Claudia Claudine Clément Clémence
Colette Coralie Corinne Cynthia Daniel Danielle Danny David Denis Denise Diane Dominic Dominique
Donald Dylan Edith Édith Édouard Éléonore Eliott Élisabeth Elizabeth Ella Éloïse Émile Émilie Emily
Emma Emmanuel Emmanuelle Éric Érika Ethan Étienne Eugène Éva Évelyne Fabienne Fatima Fatou Félix
Fernand Florent Francine Francis François Françoise Frédéric Frédérique Gabriel Gabrielle
Gaétan Gaston Geneviève Gérard Germain Gilbert Gilles Ginette Gisèle Guillaume Guy Hélène Henri
Hubert Hugo Hugues Ibrahim Isaac Isabelle Jacob Jacqueline Jacques James Jean Jeanne Jeannine
Jennifer Jérémie Jérôme Jessica Jimmy Joanie Joannie Jocelyn Jocelyne Joël Johanne John Johnny
Jonathan Jordan Joseph Josée Joseph Josiane Joshua Julia Julie Julien Juliette Justin Karine Kathleen
Kathy Katia Kevin Kim Laura Laurence Laurent Laurie Léa Léo Léon Léonie Liam Lili Liliane Linda
Lisa Lise Logan Louis Louise Luc Luca Lucas Lucie Lucien Lucille Ludovic Lyne Lynda Madeleine Maëlle
Maëva Malik Manon Marc Marcel Marcelle Marco Margaret Margot Maria Marianne Marie Marielle Marine
Mario Marion Marius Marjorie Martin Martine Mathéo Mathias Mathieu Mathilde Matthew Maude Maurice
Maxime Mélanie Mélissa Mia Michael Michaël Michel Micheline Michelle Mikaël Mireille Mohamed
Mohammed Monique Muriel Myriam Nadia Nadine Nancy Nathalie Nathan Nicolas Nicole Noah Noé Noémie
Normand Océane Olivia Olivier Omar Pascal Pascale Patrick Patricia Paul Paule Pauline Philippe
Pierre Pierrette Rachel Raphaël Raphaëlle Raymond Raymonde Réal Rébecca Réjean Rémi Renée René
Richard Robert Roger Roland Romain Rosalie Roxanne Ryan Sabrina Salma Samantha Samuel Sandra Sandrine
Sara Sarah Sébastien Serge Simon Simone Solange Sophie Stéphane Stéphanie Steve Suzanne Sylvain
Sylvie Thérèse Thomas Tristan Valérie Véronique Victor Vincent Virginie Wendy William Xavier Yannick
Yasmine Yolande Youssef Yves Yvette Yvon Zachary Zoé
Barbara Betty Brian Carol Cheryl Chris Cindy Deborah Donna Dorothy Douglas Emily Eric Gary George
Heather Helen Jason Jeff Jeffrey Jenny Jessica Karen Kelly Kenneth Kimberly Larry Lauren Linda
Lisa Mary Megan Melissa Nancy Nicole Patricia Peter Rebecca Robert Ronald Sharon Shirley Stephanie
Steven Susan Tammy Teresa Thomas Timothy Tyler Wayne
Chen Hui Mei Wei Ming Priya Raj Anil Sunita Mamadou Moussa Ousmane Aminata Kwame Chinedu Mehdi
Karim Nour Rania Samir Sami Yacine Leila Layla Hassan Hussein Ali Olga Irina Natalia Ivan Dmitri
Carlos José Juan Luis Diego Miguel Sofia Valentina Camila Gabriela Ana Lucia
"""
FIRST_NAMES: frozenset[str] = frozenset(folded(name) for name in _NAMES.split())
