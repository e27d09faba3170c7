/**
 * How many kabupaten/kota there are (regions.ts lists them): for pages that show the number only, without
 * loading the list (67 KiB) at a cold start. test/unit/regions.test.ts checks it against the list.
 */
export const regencyCount = 514
