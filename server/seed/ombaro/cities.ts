import type { Random } from './createRandom.js';

export interface City {
  name: string;
  /** GST state code. */
  gst: string;
  state: string;
  lat: number;
  lng: number;
  /** First three digits of the city's PIN codes. */
  pin: string;
  localities: readonly string[];
  /** Relative share of customers and vendors. */
  weight: number;
}

export const CITIES: readonly City[] = [
  { name: 'Mumbai', gst: '27', state: 'Maharashtra', lat: 19.076, lng: 72.8777, pin: '400', weight: 14, localities: ['Bandra West', 'Andheri East', 'Powai', 'Juhu', 'Lower Parel', 'Colaba'] },
  { name: 'New Delhi', gst: '07', state: 'Delhi', lat: 28.6139, lng: 77.209, pin: '110', weight: 12, localities: ['Hauz Khas', 'Vasant Kunj', 'Connaught Place', 'Saket', 'Greater Kailash', 'Dwarka'] },
  { name: 'Bengaluru', gst: '29', state: 'Karnataka', lat: 12.9716, lng: 77.5946, pin: '560', weight: 13, localities: ['Indiranagar', 'Koramangala', 'Whitefield', 'HSR Layout', 'Jayanagar', 'Hebbal'] },
  { name: 'Hyderabad', gst: '36', state: 'Telangana', lat: 17.385, lng: 78.4867, pin: '500', weight: 9, localities: ['Banjara Hills', 'Jubilee Hills', 'Gachibowli', 'Madhapur', 'Kondapur'] },
  { name: 'Chennai', gst: '33', state: 'Tamil Nadu', lat: 13.0827, lng: 80.2707, pin: '600', weight: 8, localities: ['Adyar', 'T. Nagar', 'Besant Nagar', 'Anna Nagar', 'Velachery'] },
  { name: 'Pune', gst: '27', state: 'Maharashtra', lat: 18.5204, lng: 73.8567, pin: '411', weight: 8, localities: ['Koregaon Park', 'Baner', 'Kalyani Nagar', 'Aundh', 'Viman Nagar'] },
  { name: 'Kolkata', gst: '19', state: 'West Bengal', lat: 22.5726, lng: 88.3639, pin: '700', weight: 6, localities: ['Park Street', 'Salt Lake', 'Ballygunge', 'New Town', 'Alipore'] },
  { name: 'Ahmedabad', gst: '24', state: 'Gujarat', lat: 23.0225, lng: 72.5714, pin: '380', weight: 5, localities: ['Navrangpura', 'Satellite', 'Bodakdev', 'Prahlad Nagar'] },
  { name: 'Jaipur', gst: '08', state: 'Rajasthan', lat: 26.9124, lng: 75.7873, pin: '302', weight: 4, localities: ['C-Scheme', 'Malviya Nagar', 'Vaishali Nagar', 'Bani Park'] },
  { name: 'Gurugram', gst: '06', state: 'Haryana', lat: 28.4595, lng: 77.0266, pin: '122', weight: 6, localities: ['DLF Phase 4', 'Sohna Road', 'Golf Course Road', 'Sector 56'] },
  { name: 'Kochi', gst: '32', state: 'Kerala', lat: 9.9312, lng: 76.2673, pin: '682', weight: 4, localities: ['Fort Kochi', 'Kakkanad', 'Edappally', 'Panampilly Nagar'] },
  { name: 'Panaji', gst: '30', state: 'Goa', lat: 15.4909, lng: 73.8278, pin: '403', weight: 3, localities: ['Miramar', 'Altinho', 'Dona Paula', 'Porvorim'] },
  { name: 'Chandigarh', gst: '04', state: 'Chandigarh', lat: 30.7333, lng: 76.7794, pin: '160', weight: 3, localities: ['Sector 17', 'Sector 35', 'Sector 8', 'Manimajra'] },
  { name: 'Udaipur', gst: '08', state: 'Rajasthan', lat: 24.5854, lng: 73.7125, pin: '313', weight: 2, localities: ['Fateh Sagar', 'Lake Pichola', 'Hiran Magri'] },
];

const WEIGHTED = CITIES.map((c) => [c, c.weight] as const);

export function pickCity(rng: Random): City {
  return rng.weighted(WEIGHTED);
}

export interface Place {
  line1: string;
  locality: string;
  city: string;
  state: string;
  pincode: string;
  latitude: number;
  longitude: number;
}

const BUILDINGS = ['Residency', 'Heights', 'Apartments', 'Enclave', 'Towers', 'Villa', 'Court', 'Gardens', 'Arcade', 'Plaza'];
const NAMES = ['Shanti', 'Sai', 'Ganga', 'Lotus', 'Sunrise', 'Palm', 'Orchid', 'Krishna', 'Royal', 'Silver Oak', 'Emerald', 'Neelkanth'];

/** A plausible address in `city`, with coordinates a few km from its centre. */
export function randomPlace(rng: Random, city: City = pickCity(rng)): Place {
  const locality = rng.pick(city.localities);
  const line1 = rng.chance(0.6)
    ? `${rng.int(1, 40)}${rng.pick(['', 'A', 'B', 'C'])}-${rng.int(101, 1804)}, ${rng.pick(NAMES)} ${rng.pick(BUILDINGS)}`
    : `${rng.int(1, 299)}, ${rng.int(1, 24)}th Cross, ${locality}`;
  return {
    line1,
    locality,
    city: city.name,
    state: city.state,
    pincode: `${city.pin}${String(rng.int(1, 99)).padStart(3, '0')}`,
    latitude: Number((city.lat + rng.float(-0.08, 0.08, 6)).toFixed(6)),
    longitude: Number((city.lng + rng.float(-0.08, 0.08, 6)).toFixed(6)),
  };
}
