// Names for the people around the patient that the detector's given-name list does not contain, so the
// evaluation measures what cues ("Dr.", "her daughter", "Signed by") catch on their own. Invented for
// this evaluation; kept apart from the detector's list on purpose.
export const UNLISTED_GIVEN = [
  'Thaddeus', 'Oluwaseun', 'Ximena', 'Bartholomew', 'Kiara', 'Siobhan', 'Tadeo', 'Leilani', 'Ezekiel', 'Marisela',
  'Quentin', 'Ines', 'Soren', 'Yara', 'Dashiell', 'Niamh', 'Cosimo', 'Rafferty', 'Zainab', 'Emeka',
  'Svetlana', 'Bogdan', 'Keanu', 'Imani', 'Anselm', 'Perpetua', 'Octavia', 'Ignatius', 'Wilhelmina', 'Florian',
] as const

export const UNLISTED_SURNAMES = [
  'Abernathy', 'Kowalczyk', 'Oyelaran', 'Thibodeaux', 'Vandermeer', 'Lindqvist', 'Castellanos', 'Nakamura',
  'Ferreira', 'Hollingsworth', 'Desrosiers', 'Quispe', 'Achterberg', "O'Donnell", 'Smith-Larkin', 'Przybylski',
  'Adebayo', 'Mwangi', 'Van Buren', 'Delacroix', 'Szabo', 'Ekwueme', 'Halvorsen', 'Rosenthal',
] as const
