// Public API of value rendering: show()'s table text, show()'s cell text, and the spark-sql CLI / golden-file text.
export { showString, stringHalfWidth, escapeMetaCharacters } from './show-string.js';
export { renderValue, type RenderOptions } from './render-value.js';
export { renderHiveResult, renderHiveRow } from './hive-result.js';
export { javaDoubleToString, javaFloatToString } from './java-number.js';
export { formatDate, formatTimestampMicros, civilFromDays, daysFromCivil, zoneOffsetMs, defaultTimeZone } from './datetime-text.js';
