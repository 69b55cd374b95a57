/** The demo service catalog: realistic spa services sold in India, prices in INR. */
export interface ServiceSpec {
  code: string;
  name: string;
  category: 'relaxation' | 'therapeutic' | 'specialty' | 'couples' | 'wellness';
  pressure: number;
  price: number;
  durations: number[];
  style: string;
  techniques: string;
  focus: string;
  benefits: string;
  oils: string;
  addons: string[];
}

const STD = [60, 90, 120];
const SHORT = [30, 45, 60];

export const SERVICES: readonly ServiceSpec[] = [
  { code: 'ARO', name: 'Aromatherapy Massage', category: 'relaxation', pressure: 2, price: 2499, durations: STD, style: 'European', techniques: 'Long flowing strokes with essential-oil blends', focus: 'Full body', benefits: 'Stress relief, better sleep, mood uplift', oils: 'Lavender, eucalyptus and orange essential oils in sweet almond oil', addons: ['HED', 'FMS'] },
  { code: 'SWD', name: 'Swedish Massage', category: 'relaxation', pressure: 2, price: 2199, durations: STD, style: 'Swedish', techniques: 'Effleurage, petrissage, friction, tapotement', focus: 'Full body', benefits: 'Relaxation, improved circulation', oils: 'Grapeseed oil', addons: ['HOT', 'FOO'] },
  { code: 'DPT', name: 'Deep Tissue Massage', category: 'therapeutic', pressure: 4, price: 2999, durations: STD, style: 'Western clinical', techniques: 'Slow deep strokes, trigger-point release', focus: 'Back, shoulders, legs', benefits: 'Relieves chronic muscle tension and knots', oils: 'Arnica-infused oil', addons: ['HOT', 'HRB'] },
  { code: 'BAL', name: 'Balinese Massage', category: 'relaxation', pressure: 3, price: 2799, durations: STD, style: 'Indonesian', techniques: 'Acupressure, skin rolling, gentle stretches', focus: 'Full body', benefits: 'Energy flow, relaxation', oils: 'Frangipani and coconut oil', addons: ['SCR', 'STM'] },
  { code: 'THA', name: 'Traditional Thai Massage', category: 'therapeutic', pressure: 4, price: 2599, durations: STD, style: 'Thai', techniques: 'Assisted yoga stretches, palm and thumb pressure (dry)', focus: 'Full body, joints', benefits: 'Flexibility, posture, energy', oils: 'None (dry, in loose clothing)', addons: ['FOO', 'HRB'] },
  { code: 'HST', name: 'Hot Stone Therapy', category: 'specialty', pressure: 3, price: 3499, durations: [60, 90], style: 'Stone therapy', techniques: 'Heated basalt stones glided and placed on energy points', focus: 'Back, spine, palms', benefits: 'Deep muscle warmth, relaxation', oils: 'Sesame oil', addons: ['ARM', 'FMS'] },
  { code: 'ABH', name: 'Abhyanga (Ayurvedic Oil Massage)', category: 'wellness', pressure: 2, price: 2899, durations: STD, style: 'Ayurvedic', techniques: 'Synchronised strokes with warm medicated oil', focus: 'Full body, head', benefits: 'Balances doshas, nourishes skin, calms the nervous system', oils: 'Ksheerabala and Dhanwantharam thailam', addons: ['STM', 'SHR'] },
  { code: 'SHR', name: 'Shirodhara', category: 'wellness', pressure: 1, price: 3299, durations: [45, 60], style: 'Ayurvedic', techniques: 'Continuous stream of warm oil on the forehead', focus: 'Head, forehead', benefits: 'Insomnia, anxiety and headache relief', oils: 'Brahmi thailam', addons: ['HED'] },
  { code: 'PTL', name: 'Potli (Herbal Poultice) Massage', category: 'specialty', pressure: 3, price: 3199, durations: [60, 90], style: 'Kerala Ayurveda', techniques: 'Warm herbal boluses pressed and massaged', focus: 'Joints, back', benefits: 'Joint pain and stiffness relief', oils: 'Kottamchukkadi thailam with herbal potli', addons: ['STM'] },
  { code: 'REF', name: 'Foot Reflexology', category: 'therapeutic', pressure: 3, price: 1499, durations: SHORT, style: 'Reflexology', techniques: 'Thumb-walking on reflex points of the feet', focus: 'Feet, lower legs', benefits: 'Whole-body relaxation, better circulation', oils: 'Peppermint foot balm', addons: ['HED'] },
  { code: 'SPT', name: 'Sports Massage', category: 'therapeutic', pressure: 5, price: 2999, durations: [60, 90], style: 'Sports therapy', techniques: 'Stretching, compression, cross-fibre friction', focus: 'Legs, back, shoulders', benefits: 'Faster recovery, injury prevention', oils: 'Wintergreen and camphor oil', addons: ['HRB', 'HOT'] },
  { code: 'HNS', name: 'Head, Neck & Shoulder Massage', category: 'relaxation', pressure: 3, price: 1299, durations: SHORT, style: 'Champi', techniques: 'Kneading and pressure points on scalp, neck and shoulders', focus: 'Head, neck, shoulders', benefits: 'Relieves desk stress and tension headaches', oils: 'Bhringraj hair oil', addons: ['FOO'] },
  { code: 'LML', name: 'Lomi Lomi Massage', category: 'relaxation', pressure: 2, price: 2999, durations: [60, 90], style: 'Hawaiian', techniques: 'Forearm strokes in long rhythmic waves', focus: 'Full body', benefits: 'Deep relaxation, emotional release', oils: 'Macadamia and kukui nut oil', addons: ['SCR'] },
  { code: 'CPA', name: 'Couples Aromatherapy Retreat', category: 'couples', pressure: 2, price: 5499, durations: [60, 90], style: 'European', techniques: 'Side-by-side aromatherapy by two therapists', focus: 'Full body', benefits: 'Shared relaxation', oils: 'Rose and sandalwood blend', addons: ['STM', 'FMS'] },
  { code: 'CPB', name: 'Couples Balinese Escape', category: 'couples', pressure: 3, price: 5999, durations: [90, 120], style: 'Indonesian', techniques: 'Side-by-side Balinese massage with floral foot ritual', focus: 'Full body', benefits: 'Shared relaxation, energy flow', oils: 'Frangipani oil', addons: ['SCR'] },
  { code: 'PRN', name: 'Prenatal Massage', category: 'specialty', pressure: 1, price: 2699, durations: [45, 60], style: 'Prenatal', techniques: 'Side-lying gentle strokes with pillow support', focus: 'Back, legs, feet', benefits: 'Eases back pain and swelling in pregnancy', oils: 'Unscented coconut oil', addons: ['FOO'] },
  { code: 'LYD', name: 'Lymphatic Drainage', category: 'wellness', pressure: 1, price: 3199, durations: [60, 90], style: 'Manual lymph drainage', techniques: 'Light rhythmic pumping strokes towards lymph nodes', focus: 'Full body', benefits: 'Reduces water retention, supports detox', oils: 'Light jojoba oil', addons: ['STM'] },
  { code: 'KAL', name: 'Kalari Marma Massage', category: 'therapeutic', pressure: 5, price: 3299, durations: [60, 90], style: 'Kalaripayattu', techniques: 'Foot and hand pressure on marma points', focus: 'Full body, marma points', benefits: 'Mobility, muscle strength, energy', oils: 'Murivenna oil', addons: ['HRB', 'STM'] },
  { code: 'UDV', name: 'Udvartana (Herbal Powder Massage)', category: 'wellness', pressure: 3, price: 2799, durations: [45, 60], style: 'Ayurvedic', techniques: 'Upward strokes with dry herbal powders', focus: 'Full body', benefits: 'Exfoliation, toning, weight management', oils: 'Triphala and kolakulathadi churna', addons: ['STM', 'SCR'] },
  { code: 'CUP', name: 'Cupping Therapy', category: 'specialty', pressure: 4, price: 2499, durations: [30, 45, 60], style: 'Hijama (dry cupping)', techniques: 'Silicone and glass cups with gliding suction', focus: 'Back, shoulders', benefits: 'Releases fascia, improves blood flow', oils: 'Olive oil', addons: ['HOT'] },
];

export const ADDONS = [
  { code: 'HOT', name: 'Hot Stones Add-on', duration: 20, price: 699, description: 'Heated basalt stones on the back and palms' },
  { code: 'ARM', name: 'Premium Aroma Oil Upgrade', duration: 5, price: 399, description: 'Upgrade to a premium essential-oil blend' },
  { code: 'SCR', name: 'Body Scrub', duration: 30, price: 999, description: 'Coffee or walnut scrub with hot-towel finish' },
  { code: 'FOO', name: 'Foot Reflexology Add-on', duration: 20, price: 549, description: '20 minutes of foot reflexology' },
  { code: 'HED', name: 'Head Massage Add-on', duration: 15, price: 449, description: 'Warm-oil champi' },
  { code: 'STM', name: 'Herbal Steam Bath', duration: 20, price: 749, description: 'Ayurvedic steam (swedana) after the massage' },
  { code: 'FMS', name: 'Face Mask', duration: 15, price: 599, description: 'Sandalwood and multani mitti face pack' },
  { code: 'HRB', name: 'Herbal Compress', duration: 20, price: 649, description: 'Warm herbal compress on sore spots' },
] as const;

export const PACKAGES = [
  { name: 'Royal Kerala Ritual', codes: ['ABH', 'SHR', 'PTL'], discount: 15, description: 'Three Ayurvedic classics in one afternoon' },
  { name: 'De-stress Weekend', codes: ['SWD', 'HNS', 'REF'], discount: 12, description: 'Full-body Swedish followed by head and foot work' },
  { name: 'Athlete Recovery', codes: ['SPT', 'CUP', 'DPT'], discount: 10, description: 'Recovery programme for runners and gym-goers' },
  { name: 'Bride-to-be Glow', codes: ['UDV', 'ARO', 'LYD'], discount: 18, description: 'Pre-wedding detox, polish and glow' },
  { name: 'Couples Getaway', codes: ['CPA', 'CPB'], discount: 10, description: 'Two couples rituals, perfect for anniversaries' },
  { name: 'Island Journey', codes: ['BAL', 'LML', 'HST'], discount: 14, description: 'Balinese, Hawaiian and hot-stone therapies' },
  { name: 'Quick Office Reset', codes: ['HNS', 'REF'], discount: 8, description: 'Two short sessions for a lunch break' },
] as const;
