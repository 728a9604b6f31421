import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Profile } from './profile.type';

/**
 * An article. `body`, `bodyHtml` and `comments` are resolved fields (ArticlesResolver): lists
 * leave bodies out, and comments are loaded for a whole page at once.
 */
@ObjectType({ description: 'An article.' })
export class Article {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [String])
  tagList!: string[];

  @Field(() => String, { description: 'ISO 8601.' })
  createdAt!: string;

  @Field(() => String, { description: 'ISO 8601.' })
  updatedAt!: string;

  @Field(() => Boolean, { description: 'Whether the caller favorited it; false when anonymous.' })
  favorited!: boolean;

  @Field(() => Int)
  favoritesCount!: number;

  @Field(() => Profile)
  author!: Profile;
}

@ObjectType({ description: 'One page of articles, newest first.' })
export class ArticleList {
  @Field(() => [Article])
  articles!: Article[];

  @Field(() => Int, { description: 'Every match, not just this page.' })
  articlesCount!: number;
}
