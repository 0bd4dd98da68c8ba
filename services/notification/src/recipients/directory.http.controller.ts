import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { roleSchema, says } from '@civicflow/contracts';
import { Roles, ServiceScope } from '@civicflow/platform';
import { CLOCK, Clock } from '../clock/clock';
import { maskPhone } from './recipient';
import { MongoRecipientDirectory } from './mongo-recipient-directory';
import { DeliveryQueue } from '../deliveries/send-deliveries/delivery-queue';

const phone = z.string().trim().regex(/^\+?\d[\d\s-]{5,19}$/, says('须为电话号码', 'must be a phone number'));
const locale = z.enum(['zh-CN', 'en']);
const contactFields = {
  phone: phone.optional(),
  email: z.email().optional(),
  wechatOpenId: z.string().trim().min(1).max(64).optional(),
  locale: locale.optional(),
};

class PutUserDto extends createZodDto(
  z.object({ name: z.string().trim().min(1).max(100), role: roleSchema, unitId: z.string().trim().min(1).max(100), active: z.boolean().default(true), ...contactFields }),
) {}
class PutCitizenDto extends createZodDto(z.object(contactFields)) {}
class PutUnitDto extends createZodDto(z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(200) })) {}

/**
 * 通讯录 the recipient directory's write side: identity (or an administrator) registers users with their role
 * and unit, the hotline registers how to reach a caller known by reference. Each PUT replaces the entry.
 */
@ApiTags('directory 通讯录')
@ApiBearerAuth()
@Controller('api/v1/directory')
export class DirectoryHttpController {
  constructor(private readonly directory: MongoRecipientDirectory, private readonly deliveries: DeliveryQueue, @Inject(CLOCK) private readonly clock: Clock) {}

  @Put('users/:userId')
  @Roles('admin')
  async putUser(@Param('userId') userId: string, @Body() body: PutUserDto) {
    await this.directory.putUser({ userId, ...body }, this.clock.now());
    return { userId, role: body.role, unitId: body.unitId, active: body.active };
  }

  /**
   * The hotline (a consenting caller) and mediation (a party) register how to reach a citizen, each as its own
   * service identity; nobody reads a number back through this API. Messages that waited for this contact go now.
   */
  @Put('citizens/:citizenRef')
  @Roles('admin')
  @ServiceScope('directory.citizens.write')
  async putCitizen(@Param('citizenRef') citizenRef: string, @Body() body: PutCitizenDto) {
    await this.directory.putCitizen({ citizenRef, ...body }, this.clock.now());
    await this.deliveries.contactArrived(citizenRef);
    return { citizenRef, phone: maskPhone(body.phone), wechat: Boolean(body.wechatOpenId), email: Boolean(body.email), locale: body.locale };
  }

  @Put('units/:unitId')
  @Roles('admin')
  async putUnit(@Param('unitId') unitId: string, @Body() body: PutUnitDto) {
    await this.directory.putUnit(unitId, body);
    return { unitId, ...body };
  }
}
