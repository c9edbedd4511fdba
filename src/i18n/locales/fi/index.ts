/** Finnish dictionaries, one per area. Adding an area: one export line here and in `../en`. */
export { default as common } from './common.ts';
export { default as title } from './title.ts';
export { default as select } from './select.ts';
export { default as briefing } from './briefing.ts';
export { default as settings } from './settings.ts';
export { default as conversation } from './conversation.ts';
export { default as debrief } from './debrief.ts';
export { default as authoring } from './authoring.ts';
