import { ApiProperty } from '@nestjs/swagger';

/** A reference to another record with the name to show for it: {id, name}. */
export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
