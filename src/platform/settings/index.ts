/** Dated district settings: versions by the day they apply from (see settings.repository.ts). */
export { defineDatedSetting, saveSettingVersion, settingOn, settingVersions, type DatedSetting } from './settings.repository';
export { datedSettings } from './settings.table';
export { WORK_CALENDAR } from './calendar';
