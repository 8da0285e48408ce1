import type { Product, Variant } from './catalog-types';

// faker is heavy (~100 ms to load): required lazily so a normal start never pays for it.
type Faker = import('@faker-js/faker').Faker;

const DEPARTMENTS = [
  {
    kind: 'Camiseta',
    keys: ['Cor', 'Tamanho'],
    values: [
      ['Azul', 'Preta', 'Branca', 'Vermelha', 'Verde'],
      ['P', 'M', 'G', 'GG'],
    ],
    weight: 200,
  },
  {
    kind: 'Tênis',
    keys: ['Cor', 'Tamanho'],
    values: [
      ['Preto', 'Branco', 'Cinza'],
      ['37', '38', '39', '40', '41', '42'],
    ],
    weight: 800,
  },
  { kind: 'Fone de Ouvido', keys: ['Cor'], values: [['Preto', 'Branco', 'Azul']], weight: 180 },
  { kind: 'Luminária', keys: ['Voltagem'], values: [['127V', '220V', 'Bivolt']], weight: 1200 },
  { kind: 'Jogo de Toalhas', keys: ['Cor'], values: [['Bege', 'Branco', 'Cinza', 'Rosa']], weight: 900 },
  {
    kind: 'Smartphone',
    keys: ['Cor', 'Memória'],
    values: [
      ['Preto', 'Prata', 'Dourado'],
      ['128gb', '256gb'],
    ],
    weight: 190,
  },
];

const USES = [
  'ideal para o dia a dia',
  'ótimo para presente',
  'com garantia de 12 meses',
  'entrega para todo o Brasil',
  'lançamento da coleção',
];

/** A believable pt-BR catalog of n products, the same for the same seed (faker pt_BR, seeded). */
export function generateCatalog(count: number, seed: number): Product[] {
  // Loaded on first use: faker takes longer to load than the whole mock, and most runs never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fakerPT_BR: faker } = require('@faker-js/faker') as { fakerPT_BR: Faker };
  faker.seed(seed);
  const products: Product[] = [];
  // Variation pairs repeat across products: one shared object per pair keeps a 100k catalog small.
  const pairCache = new Map<string, { key: string; value: string }>();
  const pairOf = (key: string, value: string): { key: string; value: string } => {
    const id = `${key}=${value}`;
    let pair = pairCache.get(id);
    if (pair === undefined) pairCache.set(id, (pair = { key, value }));
    return pair;
  };
  for (let i = 0; i < count; i += 1) {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length];
    const objectId = `G${String(i + 1).padStart(6, '0')}`;
    const name = `${dept.kind} ${faker.commerce.productAdjective()} ${faker.person.lastName()}`;
    const price = Number(faker.commerce.price({ min: 19, max: 4999, dec: 2 }));
    const variantCount = faker.number.int({ min: 1, max: 4 });
    const variants: Variant[] = [];
    for (let j = 0; j < variantCount; j += 1) {
      const pairs = dept.keys.map((key, k) => pairOf(key, dept.values[k][(i + j * (k + 1)) % dept.values[k].length]));
      variants.push({
        objectId: `${objectId}-${j + 1}`,
        name: `${name} ${pairs.map((p) => p.value).join(' ')}`,
        price,
        salePrice: Math.round(price * 90) / 100,
        quantity: faker.number.int({ min: 0, max: 60 }),
        visible: true,
        erpId: ean13(789_000_000_000 + i * 10 + j),
        weight: dept.weight,
        variations: pairs,
      });
    }
    // One image per product, on its main variant: 250k image URLs would cost ~20 MB on a 100k catalog.
    variants[0].externalImageURL = `https://loja.example.com.br/img/${objectId}.jpg`;
    products.push({
      objectId,
      name,
      productDescription: `${dept.kind} de ${faker.commerce.productMaterial().toLowerCase()}, ${faker.helpers.arrayElement(USES)}.`,
      externalUrl: `https://loja.example.com.br/p/${objectId.toLowerCase()}`,
      blocked: false,
      // The same object as variants[0]: stock changes show in both without a second copy.
      mainVariant: variants[0],
      variants,
    });
  }
  return products;
}

/** An EAN-13 from its first 12 digits plus the check digit. */
function ean13(first12: number): string {
  const digits = String(first12).padStart(12, '0').slice(-12);
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return digits + String((10 - (sum % 10)) % 10);
}
