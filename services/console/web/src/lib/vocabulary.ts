// The one vocabulary and role table (libs/domain/src/vocabulary), read from source: pure TypeScript that imports
// nothing outside its folder, so the browser gets exactly the words and powers the services and workflows use.
export * from '../../../../../libs/domain/src/vocabulary';
