import { createZodDto } from 'nestjs-zod';
import { routeLocationRequestV1 } from '@civicflow/contracts';

/** The HTTP body is the Kafka request's data: `{ point?: { lng, lat }, address?: string }`, at least one of them. */
export class RouteLocationDto extends createZodDto(routeLocationRequestV1.schema) {}
