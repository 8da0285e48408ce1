/** A variant as the productSearch contract describes it (only the fields the mock reads are typed). */
export interface Variant {
  objectId: string;
  name: string;
  price: number;
  quantity?: number;
  visible?: boolean;
  erpId?: string;
  weight?: number;
  variations?: { key: string; value: string }[];
  [extra: string]: unknown;
}

/** A product as the productSearch contract describes it. */
export interface Product {
  objectId: string;
  name: string;
  productDescription?: string;
  externalUrl?: string;
  blocked?: boolean;
  sellOutOfStock?: boolean;
  mainVariant: Variant;
  variants: Variant[];
  [extra: string]: unknown;
}
