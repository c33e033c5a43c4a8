import {
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { ApiKeyRole } from '@optline/domain';

import { TenantDirectory, type Caller } from '../config/tenant-directory';

const ROLE = 'optline:role';

/** Marks a controller or route as open to keys of one role only. */
export const RequireRole = (role: ApiKeyRole) => SetMetadata(ROLE, role);

/**
 * `Authorization: Bearer <key>`: the key names one tenant and one role (CONTRACT §4). A missing, unknown
 * or wrong-role key gets 401; the caller is attached to the request for `@CurrentCaller()`.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('send Authorization: Bearer <api key>');
    const caller = this.tenants.authenticate(match[1]!);
    const role = this.reflector.getAllAndOverride<ApiKeyRole | undefined>(ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!caller || (role && caller.role !== role))
      throw new UnauthorizedException('unknown API key for this service');
    request.caller = caller;
    return true;
  }
}

/** The authenticated caller of this request. */
export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<{ caller: Caller }>().caller,
);
