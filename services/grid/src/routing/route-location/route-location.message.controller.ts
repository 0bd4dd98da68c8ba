import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventData, EventEnvelope, routeLocationRequestV1 } from '@civicflow/contracts';
import { LocationRouting, RouteLocationUseCase } from './route-location.usecase';

/** 定位请求 over Kafka: the returned data is published by the transport as the reply (grid.location-routed). */
@Controller()
export class RouteLocationMessageController {
  constructor(private readonly routeLocation: RouteLocationUseCase) {}

  @EventPattern(routeLocationRequestV1.type)
  onRouteLocation(@Payload() request: EventEnvelope<EventData<typeof routeLocationRequestV1>>): LocationRouting {
    return this.routeLocation.execute(request.data);
  }
}
