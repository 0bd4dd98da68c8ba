import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventData, EventEnvelope, routeLocationRequestV1 } from '@civicflow/contracts';
import { GridMapHolder } from '../grid-map.holder';
import { LocationRouting, RouteLocationUseCase } from './route-location.usecase';

/** 定位请求 over Kafka: the returned data is published by the transport as the reply (grid.location-routed). */
@Controller()
export class RouteLocationMessageController {
  constructor(private readonly routeLocation: RouteLocationUseCase, private readonly maps: GridMapHolder) {}

  @EventPattern(routeLocationRequestV1.type)
  async onRouteLocation(@Payload() request: EventEnvelope<EventData<typeof routeLocationRequestV1>>): Promise<LocationRouting> {
    await this.maps.ready(); // a request consumed during start-up waits for the map instead of getting "not matched"
    return this.routeLocation.execute(request.data);
  }
}
