import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Profile } from './profile.type';

@ObjectType({ description: 'A comment on an article.' })
export class Comment {
  @Field(() => Int)
  id!: number;

  @Field(() => String, { description: 'Markdown, as written.' })
  body!: string;

  @Field(() => String, {
    description: 'The body rendered and sanitised, safe to insert into a page.',
  })
  bodyHtml!: string;

  @Field(() => String, { description: 'ISO 8601.' })
  createdAt!: string;

  @Field(() => String, { description: 'ISO 8601.' })
  updatedAt!: string;

  @Field(() => Profile)
  author!: Profile;
}
