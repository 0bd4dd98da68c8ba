import { type Labels, reader } from './spelling';

/** Where a case was received: 12345 hotline, the app (一键报事), a grid worker's patrol (巡查上报), Open311 clients. */
export const CHANNELS = ['hotline', 'app', 'patrol', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Labels<Channel> = {
  hotline: { zh: '12345热线', en: '12345 hotline' },
  app: { zh: '一键报事', en: 'app report' },
  patrol: { zh: '网格巡查', en: 'grid patrol' },
  open311: { zh: 'Open311接口', en: 'Open311' },
};

/** The domain once said gridPatrol and web. */
export const readChannel = reader(CHANNELS, { gridPatrol: 'patrol', web: 'open311' });
