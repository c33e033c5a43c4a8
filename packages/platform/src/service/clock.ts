import { Injectable } from '@nestjs/common';

/** The time source. Production reads the real clock; tests construct one with a fixed or moving `now`. */
@Injectable()
export class Clock {
  constructor(private readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return this.source();
  }
}
