import { Fragment, type ReactNode } from "react";
import { BLOCK_SEPARATOR, LIST_ITEM_SEPARATOR, type Block, type Inline } from "@/lib/articles/article-model";

/**
 * The article text. The text content of the `data-article-text` container,
 * read node by node, is exactly `canonicalText(blocks)`: the annotation
 * layer maps DOM ranges to canonical offsets through it. So separators are
 * rendered as literal text nodes between block elements (invisible, being
 * whitespace between blocks), and nothing else (labels, buttons, generated
 * list numbers) may be rendered inside; list markers come from CSS. Once the
 * annotation layer has loaded, it makes the container a Tab stop for selecting
 * with the keyboard (components/annotations/dom/use-keyboard-selection.ts).
 */
export function ArticleBody({ blocks }: { blocks: Block[] }) {
  return (
    <div data-article-text="" className="article-text">
      {joinBlocks(blocks)}
    </div>
  );
}

function joinBlocks(blocks: Block[]): ReactNode {
  return blocks.map((block, index) => (
    <Fragment key={index}>
      {index > 0 && BLOCK_SEPARATOR}
      <BlockElement block={block} />
    </Fragment>
  ));
}

function BlockElement({ block }: { block: Block }) {
  switch (block.type) {
    case "paragraph":
      return <p>{renderInlines(block.content)}</p>;
    case "heading": {
      const Heading = `h${block.level}` as const;
      return <Heading>{renderInlines(block.content)}</Heading>;
    }
    case "blockquote":
      return <blockquote>{joinBlocks(block.blocks)}</blockquote>;
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        <List>
          {block.items.map((item, index) => (
            <Fragment key={index}>
              {index > 0 && LIST_ITEM_SEPARATOR}
              <li>{renderInlines(item)}</li>
            </Fragment>
          ))}
        </List>
      );
    }
    case "code":
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case "image":
      // Any host an imported article names, so not next/image; the src is
      // http(s) only (block-schema.ts), loads when near, and sends no referrer.
      return (
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={block.src} alt={block.alt} loading="lazy" decoding="async" referrerPolicy="no-referrer" />
        </figure>
      );
  }
}

function renderInlines(content: Inline[]): ReactNode {
  return content.map((node, index) => <InlineElement key={index} node={node} />);
}

function InlineElement({ node }: { node: Inline }) {
  switch (node.type) {
    case "text":
      return node.text;
    case "emphasis":
      return <em>{renderInlines(node.children)}</em>;
    case "strong":
      return <strong>{renderInlines(node.children)}</strong>;
    case "code":
      return <code>{renderInlines(node.children)}</code>;
    case "link":
      // Hrefs are checked when blocks are read (lib/articles/block-schema.ts).
      return (
        <a href={node.href} rel="noopener">
          {renderInlines(node.children)}
        </a>
      );
  }
}
