/** A small catalogue for the reference merchant: two shirts match "camiseta", with stock (one size sold out) and erpIds. */
export interface RefVariant {
  objectId: string;
  name: string;
  price: number;
  salePrice?: number;
  quantity: number;
  erpId: string;
  externalImageURL: string;
}

export interface RefProduct {
  objectId: string;
  name: string;
  externalUrl: string;
  mainVariant: RefVariant;
  variants: RefVariant[];
}

function variant(objectId: string, name: string, price: number, quantity: number): RefVariant {
  return {
    objectId,
    name,
    price,
    salePrice: price - 10,
    quantity,
    erpId: `ERP-${objectId}`,
    externalImageURL: `https://shop.example.com/img/${objectId}.jpg`,
  };
}

function product(objectId: string, name: string, variants: RefVariant[]): RefProduct {
  return { objectId, name, externalUrl: `https://shop.example.com/p/${objectId}`, mainVariant: variants[0], variants };
}

/** Fresh copies per merchant, so stock changes in one test never leak into another. */
export function referenceCatalogue(): RefProduct[] {
  return [
    product('CAM-AZUL', 'Camiseta Azul', [
      variant('CAM-AZUL-P', 'Camiseta Azul P', 59.9, 5),
      variant('CAM-AZUL-M', 'Camiseta Azul M', 59.9, 3),
      variant('CAM-AZUL-G', 'Camiseta Azul G', 59.9, 0),
    ]),
    product('CAM-BRANCA', 'Camiseta Branca', [variant('CAM-BRANCA-U', 'Camiseta Branca Única', 49.9, 8)]),
    product('CALCA-JEANS', 'Calça Jeans', [variant('CALCA-JEANS-40', 'Calça Jeans 40', 159.9, 2)]),
  ];
}

/** Case- and accent-insensitive text, as OmniChat's TEXT search expects (section 12.9). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
