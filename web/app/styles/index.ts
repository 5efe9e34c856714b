/**
 * The stylesheets, split by area, in cascade order (later files may refine earlier ones, as
 * when they were one app.css). The root route links them all: they are small, cached, and the
 * client-side navigations between areas then never wait for a stylesheet.
 */
import authoring from './authoring.css?url';
import base from './base.css?url';
import catalog from './catalog.css?url';
import catalogSearch from './catalog-search.css?url';
import certificates from './certificates.css?url';
import forms from './forms.css?url';
import learner from './learner.css?url';
import learning from './learning.css?url';
import tools from './tools.css?url';

export const stylesheets: string[] = [
  base,
  catalog,
  forms,
  catalogSearch,
  authoring,
  learning,
  certificates,
  tools,
  learner,
];
