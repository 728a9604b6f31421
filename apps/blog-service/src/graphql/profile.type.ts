import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An author as the caller sees them.' })
export class Profile {
  @Field(() => String)
  username!: string;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field(() => String, { nullable: true })
  image!: string | null;

  @Field(() => Boolean, { description: 'Whether the caller follows them; false when anonymous.' })
  following!: boolean;
}
