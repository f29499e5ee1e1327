export {
  type CountryGroupInfo,
  countryGroups,
  GroupMembersOptions,
  groupMembers,
} from './catalogue.js';
export { CountryGroup, type GroupableRecord, type GroupRef, GroupSumOptions, sumByGroup } from './sum.js';
