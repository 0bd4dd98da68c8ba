import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { calendarHttpError } from '../../calendar/calendar-errors';
import { SetOfficeHoursUseCase, type UnitOfficeHours } from './set-office-hours.usecase';

const segments = z.array(z.object({ start: z.string(), end: z.string() })).min(1).max(6);
const officeHoursBody = z.object({
  hours: z.object({
    segments,
    seasons: z.array(z.object({ name: z.string().trim().max(50).optional(), from: z.string(), to: z.string(), segments })).max(4).optional(),
  }),
  expectedVersion: z.number().int().min(0),
});
class OfficeHoursDto extends createZodDto(officeHoursBody) {}
class RemoveOfficeHoursDto extends createZodDto(z.object({ expectedVersion: z.number().int().min(0) })) {}

@ApiTags('org 组织架构')
@ApiBearerAuth()
@Controller('api/v1/org/units/:unitId/office-hours')
export class OfficeHoursHttpController {
  constructor(private readonly officeHours: SetOfficeHoursUseCase) {}

  /** The unit's own hours (if any), the hours in force for it and whose they are, and the changes. */
  @Get()
  get(@Param('unitId') unitId: string): Promise<UnitOfficeHours> {
    return this.officeHours.get(unitId);
  }

  /** 设置办公时间 (admin): the unit's own hours, seasons included; 409 if changed since `expectedVersion`. */
  @Put()
  @Roles('admin')
  async set(@Param('unitId') unitId: string, @Body() body: OfficeHoursDto, @CurrentUser() user: AuthUser): Promise<UnitOfficeHours> {
    try {
      return await this.officeHours.set(unitId, body.hours, body.expectedVersion, { userId: user.userId, name: user.name, role: user.role });
    } catch (error) {
      throw calendarHttpError(error);
    }
  }

  /** The unit inherits its parent's hours again (admin). */
  @Delete()
  @Roles('admin')
  async remove(@Param('unitId') unitId: string, @Body() body: RemoveOfficeHoursDto, @CurrentUser() user: AuthUser): Promise<UnitOfficeHours> {
    try {
      return await this.officeHours.set(unitId, null, body.expectedVersion, { userId: user.userId, name: user.name, role: user.role });
    } catch (error) {
      throw calendarHttpError(error);
    }
  }
}
