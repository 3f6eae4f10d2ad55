import { CM_PER_IN, KG_PER_LB } from "@fitcoach/contract";

/** Conversion factors between metric and US customary units; the contract's where it has them. */
export const KG_PER_POUND = KG_PER_LB;
export const CM_PER_INCH = CM_PER_IN;
export const ML_PER_US_FLUID_OUNCE = 29.5735295625;
