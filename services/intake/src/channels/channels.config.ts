import { photosConfigSchema } from '../photos/photos.config';
import { clientAppsConfigSchema } from './open311/client-apps';
import { open311ConfigSchema } from './open311/open311.settings';

/** The channels' settings (photo storage, client-app keys, Open311), part of intake's validated config. */
export const channelsConfigSchema = photosConfigSchema.extend(clientAppsConfigSchema.shape).extend(open311ConfigSchema.shape);
export type ChannelsConfig = ReturnType<typeof channelsConfigSchema.parse>;
