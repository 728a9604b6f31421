import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@capstone/platform/http';
import type { RenderedMail } from '../mail-template';
import { isTemplateName, renderMail, templateFor, templateNames } from '../template-catalog';

const sampleRecipient = { email: 'ada@example.com', username: 'ada' };

/** Renders any template with its sample variables, exactly as a real delivery would be rendered. */
@Injectable()
export class TemplatePreview {
  list(): { name: string; essential: boolean }[] {
    return templateNames.map((name) => ({ name, essential: templateFor(name).essential }));
  }

  render(name: string): RenderedMail {
    if (!isTemplateName(name))
      throw new NotFoundError(`There is no mail template "${name}"`, {
        code: 'template_not_found',
      });
    return renderMail({
      template: name,
      to: sampleRecipient,
      variables: templateFor(name).sample,
    } as Parameters<typeof renderMail>[0]);
  }
}
