// 词汇: the one spelling of every word CivicFlow's domain, wire and screens share, and the one table of roles
// and their powers. Pure data and functions with no imports outside this folder (the console's browser app
// imports it from source), so every service, the workflows and the web app read the same words.
export * from './spelling';
export * from './roles';
export * from './case-commands';
export * from './case-command-policy';
export * from './case-words';
export * from './channels';
export * from './departments';
export * from './satisfaction';
export * from './sla-windows';
