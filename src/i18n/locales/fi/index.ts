/** Finnish dictionaries, one per area. Adding an area: one export line here and in `../en`. */
export { default as common } from './common.ts';
export { default as title } from './title.ts';
export { default as select } from './select.ts';
export { default as briefing } from './briefing.ts';
export { default as settings } from './settings.ts';
export { default as conversation } from './conversation.ts';
export { default as debrief } from './debrief.ts';
export { default as room } from './room.ts';
export { default as records } from './records.ts';
export { default as scorm } from './scorm.ts';
export { default as graph } from './graph.ts';
export { default as authoring } from './authoring.ts';
