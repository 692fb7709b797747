/**
 * A publisher's identifier, which is also its folder under `data/` and its pages' path
 * (`/editeurs/<id>/`): lower-case letters and digits, in groups joined by single hyphens
 * (`departement-ille-et-vilaine`). One pattern for the metadata schema, the folder guard, the site's paths
 * and the tools; kept free of imports so that the browser checker can use it without zod.
 */
export const PUBLISHER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
