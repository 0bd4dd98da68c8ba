import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@civicflow/platform';
import { calendarHttpError } from '../calendar-errors';
import { ArrangementInputDto, yearParam } from '../calendar-input.dto';
import { PreviewYearArrangementUseCase, type YearPreview } from './preview-year-arrangement.usecase';

@ApiTags('calendar 工作日历')
@ApiBearerAuth()
@Controller('api/v1/calendar/years/:year/preview')
export class PreviewYearArrangementHttpController {
  constructor(private readonly preview: PreviewYearArrangementUseCase) {}

  /** 预览 (admin): the arrangement as read, what saving would refuse, and each day it changes. Saves nothing. */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  async execute(@Param('year') year: string, @Body() body: ArrangementInputDto): Promise<YearPreview> {
    try {
      return await this.preview.execute(yearParam(year), body);
    } catch (error) {
      throw calendarHttpError(error);
    }
  }
}
