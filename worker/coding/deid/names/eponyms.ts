// A surname used as an eponym names a disease or a sign, not a person: "Parkinson's disease", "Bell's
// palsy", "Wilson disease". A name word followed by one of these words is clinical content and stays,
// even when a patient happens to share the surname.
const EPONYM_HEADS =
  'disease|syndrome|palsy|sign|signs|test|tests|maneuver|manoeuvre|fracture|phenomenon|sarcoma|lymphoma|esophagus|oesophagus|ulcer|node|nodes|law|reflex|score|scale|criteria|classification|procedure|operation|repair|technique|contracture|neuroma|tumor|tumour|cyst|deformity|disorder|dystrophy|anomaly|triad|lines|line|point|position|solution|catheter|hernia|diverticulum|thyroiditis|encephalopathy|ataxia|chorea|aneurysm|angina|block|bodies|body|cells|cell|duct|ducts|glands|gland|loop|space|stain|toe|zone|osteotomy|bunionectomy|arthroplasty|drain|drains|table|scissors|needle|needles|clamp|clamps|forceps|retractor|retractors|elevator|incision|stitch|suture|sutures|tube|tubes|device|splint|cast|approach|flap|graft|pin|pins|wire|wires|nail|plate|screw|screws|frame|bandage|dressing|maneuvers|view|views|examination|ultrasound|study|ratio|index|formula|equation|classification|grade|stage'
// "Austin/Youngswick bunionectomy": a second eponym may come between the name and the head word.
const AFTER_NAME = new RegExp(`^(?:['\u2019]s|s['\u2019])?(?:[/-][A-Za-z'\u2019]{2,24})?[ \\t-]{1,2}(?:${EPONYM_HEADS})\\b`, 'i')

/** True when the word ending at `end` is used as an eponym (what follows it is a disease, sign, test...). */
export function isEponymAt(text: string, end: number): boolean {
  return AFTER_NAME.test(text.slice(end, end + 40))
}
