/** Tests only: a made-up note with one of each kind of identifier a clinic note carries, none of them real. */
export const NOTE_WITH_PHI = `Patient: John Smith  DOB: 03/14/1961  MRN: 00482913  Phone: 415-555-0132  SSN 123-45-6789
Email john.smith@example.com. Lives at 42 Elm Street, Springfield, IL 62704. Seen 2026-03-02 by Dr. Alice Wong.
Assessment: 64-year-old male with type 2 diabetes mellitus without complications and essential hypertension. BP 142/88.
Plan: metformin 500 mg BID, office visit level 3, CBC ordered. Follow up in 3 months. Member ID XJH123456789.`

/** The identifiers above, each of which must never reach a model. */
export const PHI_VALUES = ['John', 'Smith', '03/14/1961', '00482913', '415-555-0132', '123-45-6789', 'john.smith@example.com', '42 Elm Street', 'Springfield', '62704', '2026-03-02', 'Alice', 'Wong', 'XJH123456789']
